import type { Item, Theme, Tool } from "../../../domain/content/schema.ts";

export type FactorInfo = { item: Item; theme: Theme; themeNumber: number };

/** Every factor of a tool by id (1.1 … 7.31), with its theme. */
export function factorIndex(tool: Tool): Map<string, FactorInfo> {
  return new Map(
    tool.themes.flatMap((theme, index) => theme.items.map((item) => [item.id, { item, theme, themeNumber: index + 1 }] as const)),
  );
}

/** A long text cut at a word boundary with an ellipsis, for option lists and compact links. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
