import type { Item, Theme, Tool } from "../content/schema.ts";

const tip = { title: "T", text: "t", source: { document: "verbetertool" } };
/** 7 themes and 31 factors, like the real tool. */
const SIZES = [5, 4, 5, 4, 4, 5, 4];

/**
 * A tool shaped like the real one (ids "1.1" … "7.31") for domain tests. With `firstNotAskedOfEmployers`, the first
 * factor of every theme is not asked of employers.
 */
export function syntheticTool({ firstNotAskedOfEmployers = false } = {}): Tool {
  let next = 0;
  return toolWith(
    SIZES.map((size, t) => ({
      id: String(t + 1),
      title: `Thema ${t + 1}`,
      items: Array.from({ length: size }, (_, k) => ({
        id: `${t + 1}.${++next}`,
        text: "x",
        tips: [tip],
        ...(firstNotAskedOfEmployers && k === 0 && { notAskedOf: ["employer" as const] }),
      })),
    })),
  );
}

type ThemeSketch = Pick<Theme, "id" | "title"> & Partial<Omit<Theme, "id" | "title" | "items">> & { items: Item[] };

/** A tool with just the themes a test names; every other field of the tool and its themes filled in. */
export function toolWith(themes: ThemeSketch[]): Tool {
  return {
    id: "t",
    title: "T",
    intro: "i",
    audience: "a",
    version: "v",
    sources: {},
    themes: themes.map((theme) => ({ intro: "i", question: "q", scale: { min: "a", max: "b" }, ...theme })),
  };
}
