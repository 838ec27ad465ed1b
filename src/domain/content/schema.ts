import { z } from "zod";

/** Limits shared by the content files and the forms that show them. */
const text = z.string().trim().min(1);

export const sourceRefSchema = z.object({
  /** Key into the tool's `sources` map, e.g. "verbetertool". */
  document: text,
  /** Optional place in the document, e.g. "thema 1, factor 1.1". */
  where: z.string().trim().optional(),
});

export const tipSchema = z.object({
  /** Title as the source names the tip (a fact, kept as in the source). */
  title: text,
  /** The tip in our own words; Markdown-light: **bold** and [label](url) only. */
  text: text,
  source: sourceRefSchema,
});

export const factorIdSchema = z.string().regex(/^[1-9]\.[1-9][0-9]?$/, "factor-id moet de vorm 1.1 … 7.31 hebben");

export const itemSchema = z.object({
  id: factorIdSchema,
  /** Professional wording of the success factor. */
  text: text,
  /** Extra explanation where the source gives one. */
  clarification: z.string().trim().optional(),
  /** Plain B1 wording for young people ("Mijn begeleider …"). */
  youthText: z.string().trim().optional(),
  /** Wording for employers, addressed with "u"/"wij". */
  employerText: z.string().trim().optional(),
  /** Wording for ketenpartners (school, zorg, UWV, werkgeversservicepunt), addressed with "u"/"wij". */
  ketenpartnerText: z.string().trim().optional(),
  /** Groups this factor is not asked of, because they cannot observe it at all. */
  notAskedOf: z.array(z.enum(["youth", "employer", "ketenpartner"])).optional(),
  tips: z.array(tipSchema).min(1, "elke factor heeft minstens één verbetertip"),
});

export const scaleSchema = z.object({
  /** Label for 1, e.g. "Heel weinig". */
  min: text,
  /** Label for 10, e.g. "Heel veel". */
  max: text,
});

export const themeSchema = z.object({
  id: z.string().regex(/^[1-9]$/),
  title: text,
  /** Short introduction to the theme, our own words. */
  intro: text,
  /** The question above the factors, our own words. */
  question: text,
  scale: scaleSchema,
  /** Plain B1 title, introduction and question for young people. */
  youthTitle: z.string().trim().optional(),
  youthIntro: z.string().trim().optional(),
  youthQuestion: z.string().trim().optional(),
  /** Introduction and question for employers ("u"). */
  employerIntro: z.string().trim().optional(),
  employerQuestion: z.string().trim().optional(),
  /** Introduction and question for ketenpartners ("u"). */
  ketenpartnerIntro: z.string().trim().optional(),
  ketenpartnerQuestion: z.string().trim().optional(),
  items: z.array(itemSchema).min(1),
  /** Open questions for a facilitated spiegelsessie about this theme (2–4, our own words); optional per tool. */
  discussionQuestions: z
    .array(text)
    .min(2, "geef minstens twee gespreksvragen")
    .max(4, "hoogstens vier gespreksvragen per thema")
    .optional(),
});

export const toolMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: text,
  intro: text,
  audience: text,
  /**
   * The tool the site opens with and the kennisbank and werkwijze link to; exactly one tool has it (tools/load.ts).
   * The start page lists it first.
   */
  default: z.boolean().optional(),
  /**
   * The groups a team round of this tool may ask (e.g. only `professional` for a self-scan); absent: every group.
   * Creating a round with another group is refused.
   */
  perspectives: z
    .array(z.enum(["professional", "youth", "employer", "ketenpartner"]))
    .min(1)
    .optional(),
  /** Source documents, referenced by key from tips and examples. */
  sources: z.record(z.string(), z.object({ title: text, publisher: text, file: text })),
});

export const toolSchema = toolMetaSchema.extend({
  /** Content hash of the definition; answers record which version they were given against. */
  version: z.string().min(1),
  themes: z.array(themeSchema).min(1),
});

export type Tip = z.infer<typeof tipSchema>;
export type Item = z.infer<typeof itemSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type ToolMeta = z.infer<typeof toolMetaSchema>;
export type Tool = z.infer<typeof toolSchema>;
