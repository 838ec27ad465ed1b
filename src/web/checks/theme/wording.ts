import type { Item, Theme, Tool } from "../../../domain/content/schema.ts";
import { askedFactorIds } from "../../../domain/teams/perspectives.ts";
import type { CheckRound } from "../../api/checks.ts";

/**
 * Whose words a check uses: the professional ones, or those of a group in a round: young people (B1, "je"), employers
 * and ketenpartners ("u"). Ketenpartner wording falls back to the employer's, then to the professional's.
 */
export type Wording = CheckRound["perspective"];

export const wordingOf = (round: CheckRound | null): Wording => round?.perspective ?? "professional";

export function itemText(item: Item, wording: Wording): string {
  if (wording === "youth") return item.youthText ?? item.text;
  if (wording === "employer") return item.employerText ?? item.text;
  if (wording === "ketenpartner") return item.ketenpartnerText ?? item.employerText ?? item.text;
  return item.text;
}

export function themeTitle(theme: Theme, wording: Wording): string {
  return wording === "youth" ? (theme.youthTitle ?? theme.title) : theme.title;
}

export function themeIntro(theme: Theme, wording: Wording): string {
  if (wording === "youth") return theme.youthIntro ?? theme.intro;
  if (wording === "employer") return theme.employerIntro ?? theme.intro;
  if (wording === "ketenpartner") return theme.ketenpartnerIntro ?? theme.employerIntro ?? theme.intro;
  return theme.intro;
}

export function themeQuestion(theme: Theme, wording: Wording): string {
  if (wording === "youth") return theme.youthQuestion ?? theme.question;
  if (wording === "employer") return theme.employerQuestion ?? theme.question;
  if (wording === "ketenpartner") return theme.ketenpartnerQuestion ?? theme.employerQuestion ?? theme.question;
  return theme.question;
}

/**
 * The tool as a group is asked it: only the factors the group can observe, and no theme left without any. Themes and
 * factors keep their ids; steps are numbered by position.
 */
export function askedTool(tool: Tool, wording: Wording): Tool {
  if (wording === "professional") return tool;
  const asked = new Set(askedFactorIds(tool, wording));
  return {
    ...tool,
    themes: tool.themes
      .map((theme) => ({ ...theme, items: theme.items.filter((item) => asked.has(item.id)) }))
      .filter((theme) => theme.items.length > 0),
  };
}
