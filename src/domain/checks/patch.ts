import type { AnswerPatch, Answers } from "./answers.ts";

/** Applies a validated patch: values replace, null removes. Pure: returns a new object. */
export function applyAnswerPatch(answers: Answers, patch: AnswerPatch): Answers {
  const next: Answers = { ...answers };
  for (const [id, value] of Object.entries(patch)) {
    if (value === null) delete next[id];
    else next[id] = value;
  }
  return next;
}
