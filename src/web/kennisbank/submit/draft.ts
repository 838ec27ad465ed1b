import type { EntryType, EvidenceLevel } from "../../../domain/kennisbank/schema.ts";
import { type Submission, submissionSchema } from "../../../domain/kennisbank/submission.ts";
import { type Checked, checkedBy, type FormErrors } from "../../app/ui/useForm.ts";
import "../../app/zod.ts";

/** The submission form as typed: text fields, one-per-line lists as text, chosen themes and factors. */
export type Draft = {
  type: EntryType | "";
  title: string;
  summary: string;
  body: string;
  organisation: string;
  region: string;
  targetGroups: string;
  keyElements: string;
  results: string;
  themes: string[];
  factors: string[];
  link: string;
  contact: string;
  financing: string;
  period: string;
  targetGroupSize: string;
  evidence: EvidenceLevel;
};
export type DraftField = keyof Draft;
export type FieldErrors = FormErrors<DraftField>;

/** Fields in the order of the form (and of the error summary). */
export const DRAFT_FIELDS: DraftField[] = [
  "type",
  "title",
  "summary",
  "body",
  "organisation",
  "region",
  "targetGroups",
  "keyElements",
  "results",
  "themes",
  "factors",
  "link",
  "contact",
  "financing",
  "period",
  "targetGroupSize",
  "evidence",
];

export const emptyDraft = (): Draft => ({
  type: "",
  title: "",
  summary: "",
  body: "",
  organisation: "",
  region: "",
  targetGroups: "",
  keyElements: "",
  results: "",
  themes: [],
  factors: [],
  link: "",
  contact: "",
  financing: "",
  period: "",
  targetGroupSize: "",
  evidence: "niet beoordeeld",
});

const STORAGE_KEY = "verbetertool:inzending-concept";

/** The draft survives a refresh: it is kept in localStorage until the submission is accepted. */
export function loadDraft(): Draft {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null") as Partial<Draft> | null;
    if (!stored || typeof stored !== "object") return emptyDraft();
    const draft = emptyDraft();
    for (const field of DRAFT_FIELDS) {
      const value = stored[field];
      if (Array.isArray(draft[field]) ? Array.isArray(value) : typeof value === "string") Object.assign(draft, { [field]: value });
    }
    return draft;
  } catch {
    return emptyDraft();
  }
}

export function saveDraft(draft: Draft): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Private mode or full storage: the form still works, only without the safety net.
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The request body for the draft, validated with the same schema as the API: the first message per field
 * ("targetGroups.3" belongs to targetGroups).
 */
export function validateDraft(draft: Draft): Checked<DraftField, Submission> {
  const result = submissionSchema.safeParse({
    ...draft,
    type: draft.type || undefined,
    targetGroups: lines(draft.targetGroups),
    keyElements: lines(draft.keyElements),
    results: lines(draft.results),
    link: draft.link.trim(),
  });
  return checkedBy(result, DRAFT_FIELDS);
}
