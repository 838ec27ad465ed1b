import { z } from "zod";

/**
 * One answer: a score 1–10, "nvt" (does not apply) or "weetniet" (cannot judge; only respondents outside the
 * professional group may give it). Unanswered factors are simply absent.
 */
export const answerValueSchema = z.union([
  z.literal("nvt"),
  z.literal("weetniet"),
  z.number().int("moet een geheel getal zijn").min(1, "moet minstens 1 zijn").max(10, "mag hoogstens 10 zijn"),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;
export type Answers = Record<string, AnswerValue>;

/** A change to answers: null clears an answer. */
export type AnswerPatch = Record<string, AnswerValue | null>;

export type PatchProblem = { field: string; error: string };

/**
 * Validates a whole patch before anything is stored, so a patch is applied entirely or not at all: every factor must
 * be one this respondent is asked, every value a score, "nvt", "weetniet" where allowed, or null. Returns the first
 * problem, naming the field.
 */
export function validateAnswerPatch(
  patch: Record<string, unknown>,
  factorIds: ReadonlySet<string>,
  options: { allowDontKnow?: boolean } = {},
): PatchProblem | null {
  const allowed = options.allowDontKnow ? '"nvt" of "weetniet"' : '"nvt"';
  for (const [id, value] of Object.entries(patch)) {
    const field = `answers.${id}`;
    if (!factorIds.has(id)) return { field, error: `Onbekende factor "${id}".` };
    if (value === null) continue;
    if (typeof value === "string" && value !== "nvt" && !(value === "weetniet" && options.allowDontKnow)) {
      return { field, error: `Antwoord op factor ${id} moet een getal van 1 tot en met 10 zijn of ${allowed}.` };
    }
    const parsed = answerValueSchema.safeParse(value);
    if (!parsed.success) {
      return { field, error: `Antwoord op factor ${id} moet een geheel getal van 1 tot en met 10 zijn of ${allowed}.` };
    }
  }
  return null;
}

// In a zod-free module of its own, so the web's check pages can use it without loading zod; exported here too.
export { applyAnswerPatch } from "./patch.ts";
