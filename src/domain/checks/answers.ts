import { z } from "zod";

/** One answer: a score 1–10 or "nvt" (deliberately not applied). Unanswered factors are simply absent. */
export const answerValueSchema = z.union([
  z.literal("nvt"),
  z.number().int("moet een geheel getal zijn").min(1, "moet minstens 1 zijn").max(10, "mag hoogstens 10 zijn"),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;
export type Answers = Record<string, AnswerValue>;

/** A change to answers: null clears an answer. */
export type AnswerPatch = Record<string, AnswerValue | null>;

export type PatchProblem = { field: string; error: string };

/**
 * Validates a whole patch against the tool's factor ids before anything is stored, so a patch is applied
 * entirely or not at all. Returns the first problem, naming the field.
 */
export function validateAnswerPatch(patch: Record<string, unknown>, factorIds: ReadonlySet<string>): PatchProblem | null {
  for (const [id, value] of Object.entries(patch)) {
    const field = `answers.${id}`;
    if (!factorIds.has(id)) return { field, error: `Onbekende factor "${id}".` };
    if (value === null) continue;
    if (typeof value === "string" && value !== "nvt") {
      return { field, error: `Antwoord op factor ${id} moet een getal van 1 tot en met 10 zijn of "nvt".` };
    }
    const parsed = answerValueSchema.safeParse(value);
    if (!parsed.success) {
      return { field, error: `Antwoord op factor ${id} moet een geheel getal van 1 tot en met 10 zijn of "nvt".` };
    }
  }
  return null;
}

/** Applies a validated patch: values replace, null removes. Pure: returns a new object. */
export function applyAnswerPatch(answers: Answers, patch: AnswerPatch): Answers {
  const next: Answers = { ...answers };
  for (const [id, value] of Object.entries(patch)) {
    if (value === null) delete next[id];
    else next[id] = value;
  }
  return next;
}
