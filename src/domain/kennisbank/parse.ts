import { parse } from "yaml";
import { type Entry, entryFrontMatterSchema, SLUG_PATTERN } from "./schema.ts";

export { SLUG_PATTERN };

/** Splits "---\nyaml\n---\nbody" and validates the front matter; pure (the caller reads the file). */
export function parseEntry(slug: string, source: string): { ok: true; entry: Entry } | { ok: false; error: string } {
  if (!SLUG_PATTERN.test(slug)) return { ok: false, error: `bestandsnaam "${slug}" is geen geldige slug` };
  const match = source.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/);
  if (!match) return { ok: false, error: "front matter (tussen --- regels) ontbreekt" };
  let data: unknown;
  try {
    data = parse(match[1] ?? "");
  } catch (error) {
    return { ok: false, error: `YAML: ${(error as Error).message}` };
  }
  const result = entryFrontMatterSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { ok: false, error: `${issue?.path.join(".") || "(root)"}: ${issue?.message}` };
  }
  const body = (match[2] ?? "").trim();
  if (body.length === 0) return { ok: false, error: "de tekst onder de front matter ontbreekt" };
  return { ok: true, entry: { ...result.data, slug, body } };
}
