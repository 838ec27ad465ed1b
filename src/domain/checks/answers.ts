import { z } from "zod";

/**
 * One answer: a score 1–10, "nvt" (does not apply) or "weetniet" (cannot judge; only respondents outside the
 * professional group may give it). Unanswered factors are simply absent.
 */
const scoreSchema = z.number().int("moet een geheel getal zijn").min(1, "moet minstens 1 zijn").max(10, "mag hoogstens 10 zijn");
export const answerValueSchema = z.union([z.literal("nvt"), z.literal("weetniet"), scoreSchema]);
export type AnswerValue = z.infer<typeof answerValueSchema>;
export type Answers = Record<string, AnswerValue>;

/** A change to answers: null clears an answer. */
export type AnswerPatch = Record<string, AnswerValue | null>;

export type PatchProblem = { field: string; error: string };

/** A value that is no answer: `number` says which numbers are (a string gets "een getal", a number "een geheel getal"). */
const notAnAnswer = (id: string, number: string, options: { allowDontKnow?: boolean }): PatchProblem => ({
  field: `answers.${id}`,
  error: `Antwoord op factor ${id} moet ${number} van 1 tot en met 10 zijn of ${options.allowDontKnow ? '"nvt" of "weetniet"' : '"nvt"'}.`,
});

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
  for (const [id, value] of Object.entries(patch)) {
    if (!factorIds.has(id)) return { field: `answers.${id}`, error: `Onbekende factor "${id}".` };
    if (value === null || value === "nvt" || (value === "weetniet" && options.allowDontKnow)) continue;
    if (typeof value === "string") return notAnAnswer(id, "een getal", options);
    // Every other value must be a score: checked against that member of answerValueSchema alone (a union tries the
    // literals first, and each failed member allocates its issues, on every save).
    if (!scoreSchema.safeParse(value).success) return notAnAnswer(id, "een geheel getal", options);
  }
  return null;
}

// In a zod-free module of its own, so the web's check pages can use it without loading zod; exported here too.
export { applyAnswerPatch } from "./patch.ts";
