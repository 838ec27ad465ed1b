import { z } from "zod";
import { factorIdSchema } from "../content/schema.ts";
import { ENTRY_TYPES, EVIDENCE_LEVELS } from "./schema.ts";

export const SUBMISSION_LIMITS = { title: 150, summary: 400, body: 10_000, short: 200, listItems: 12 } as const;

const required = (label: string, max: number) =>
  z
    .string({ message: `${label} is verplicht` })
    .trim()
    .min(1, `${label} is verplicht`)
    .max(max, `${label} mag hoogstens ${max} tekens bevatten`);
const optional = (label: string, max: number) => z.string().trim().max(max, `${label} mag hoogstens ${max} tekens bevatten`).optional();
const list = (label: string) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(SUBMISSION_LIMITS.short, `elk punt bij ${label} mag hoogstens ${SUBMISSION_LIMITS.short} tekens bevatten`),
    )
    .max(SUBMISSION_LIMITS.listItems, `${label}: hoogstens ${SUBMISSION_LIMITS.listItems} punten`)
    .default([]);

/** A project an organisation submits to the projectendatabank; the same fields as a kennisbank entry. */
export const submissionSchema = z.strictObject({
  type: z.enum(ENTRY_TYPES, { message: "kies praktijkvoorbeeld, methode, instrument of programma" }),
  title: required("Naam van het project", SUBMISSION_LIMITS.title),
  summary: required("Korte samenvatting", SUBMISSION_LIMITS.summary),
  body: required("Beschrijving", SUBMISSION_LIMITS.body),
  organisation: required("Organisatie", SUBMISSION_LIMITS.short),
  region: required("Regio of gemeente", SUBMISSION_LIMITS.short),
  targetGroups: list("doelgroepen"),
  themes: z
    .array(z.string().regex(/^[1-7]$/, "onbekend thema"))
    .max(7)
    .default([]),
  factors: z.array(factorIdSchema).max(31).default([]),
  keyElements: list("kernelementen"),
  results: list("resultaten"),
  link: z.union([z.literal(""), z.url({ protocol: /^https?$/, message: "moet een volledig webadres zijn (https://…)" })]).optional(),
  /** Whom to contact: an organisation, a role or a general address (shown publicly once approved). */
  contact: optional("Contact", SUBMISSION_LIMITS.short),
  financing: optional("Financiering", SUBMISSION_LIMITS.short),
  period: optional("Looptijd", SUBMISSION_LIMITS.short),
  targetGroupSize: optional("Omvang van de doelgroep", SUBMISSION_LIMITS.short),
  /** The level a databank gave it, if any; the moderator checks it. Omitted: "niet beoordeeld". */
  evidence: z.enum(EVIDENCE_LEVELS, { message: "kies een niveau uit de lijst of 'niet beoordeeld'" }).optional(),
});
export type Submission = z.output<typeof submissionSchema>;

export const moderationSchema = z.discriminatedUnion("decision", [
  z.strictObject({ decision: z.literal("approve") }),
  z.strictObject({
    decision: z.literal("reject"),
    reason: required("Reden van afwijzing", 1000),
  }),
]);
export type Moderation = z.output<typeof moderationSchema>;

/** URL-safe slug from a title: lowercase ASCII words joined by hyphens. */
export function slugify(title: string): string {
  return (
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "project"
  );
}
