import { z } from "zod";

/** Limits defined once, used by the forms in the browser and by the API. */
export const PLAN_LIMITS = { themeText: 5000, what: 500, who: 200 } as const;

export const ACTION_STATUSES = ["open", "bezig", "klaar"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "moet een datum zijn (jjjj-mm-dd)")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: "moet een bestaande datum zijn",
  });

export const themePlanInputSchema = z.strictObject({
  text: z.string().max(PLAN_LIMITS.themeText, `mag hoogstens ${PLAN_LIMITS.themeText} tekens bevatten`),
});

const actionFields = {
  themeId: z.string().regex(/^[1-9]$/, "moet een thema-nummer zijn"),
  factorId: z.string().nullable(),
  what: z
    .string()
    .trim()
    .min(1, "is verplicht: beschrijf wat je gaat doen")
    .max(PLAN_LIMITS.what, `mag hoogstens ${PLAN_LIMITS.what} tekens bevatten`),
  who: z.string().trim().max(PLAN_LIMITS.who, `mag hoogstens ${PLAN_LIMITS.who} tekens bevatten`),
  when: isoDate.nullable(),
  status: z.enum(ACTION_STATUSES, { message: "moet open, bezig of klaar zijn" }),
};

export const actionInputSchema = z.strictObject({
  ...actionFields,
  factorId: actionFields.factorId.default(null),
  who: actionFields.who.default(""),
  when: actionFields.when.default(null),
  status: actionFields.status.default("open"),
});
export type ActionInput = z.output<typeof actionInputSchema>;

/** A change to an action: only the fields given are changed. */
export const actionPatchSchema = z.strictObject(actionFields).partial();
export type ActionPatch = z.output<typeof actionPatchSchema>;

/** One action of a plan, as the API returns it (`when` is a calendar date, jjjj-mm-dd). */
export const planActionResponse = z.object({
  id: z.string(),
  themeId: z.string(),
  factorId: z.string().nullable(),
  what: z.string(),
  who: z.string(),
  when: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
});
export type PlanAction = z.output<typeof planActionResponse>;

/** A plan (personal or team): free text per theme and the actions. The response of every plan route. */
export const planResponse = z.object({
  /** Free-text plan per theme id. */
  themes: z.record(z.string(), z.string()),
  actions: z.array(planActionResponse),
});
export type Plan = z.output<typeof planResponse>;

/** A theme's free text as saved (`PUT …/plan/themes/:themeId`, both owners). */
export const themePlanSavedResponse = z.object({ themeId: z.string(), text: z.string() });

export type PlanProblem = { field: string; error: string };

/** An action's factor must belong to its theme, so a plan per theme stays coherent. */
export function checkActionFactor(
  themeId: string,
  factorId: string | null | undefined,
  factorsByTheme: ReadonlyMap<string, ReadonlySet<string>>,
): PlanProblem | null {
  const factors = factorsByTheme.get(themeId);
  if (!factors) return { field: "themeId", error: `Onbekend thema "${themeId}".` };
  if (factorId && !factors.has(factorId)) {
    return { field: "factorId", error: `Factor "${factorId}" hoort niet bij thema ${themeId}.` };
  }
  return null;
}
