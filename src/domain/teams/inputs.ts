import { z } from "zod";
import { actionInputSchema, actionPatchSchema } from "../checks/plan.ts";
import { MAX_ANONYMITY_THRESHOLD, MIN_ANONYMITY_THRESHOLD } from "./perspectives.ts";

const name = (label: string, max = 120) =>
  z
    .string({ message: `${label} is verplicht` })
    .trim()
    .min(1, `${label} is verplicht`)
    .max(max, `${label} mag hoogstens ${max} tekens bevatten`);

export const teamInputSchema = z.strictObject({
  name: name("Teamnaam"),
  organisation: z.string().trim().max(200, "mag hoogstens 200 tekens bevatten").default(""),
  region: z.string().trim().max(200, "mag hoogstens 200 tekens bevatten").default(""),
});

export const teamPatchSchema = z
  .strictObject({
    name: name("Teamnaam"),
    organisation: z.string().trim().max(200),
    region: z.string().trim().max(200),
    retentionMonths: z.number().int("moet een geheel aantal maanden zijn").min(1, "minstens 1 maand").max(120, "hoogstens 120 maanden"),
  })
  .partial();

export const roundInputSchema = z.strictObject({
  name: name("Naam van de meting"),
  toolId: z.string().default("jongeren-en-arbeid"),
  threshold: z
    .number()
    .int("moet een geheel getal zijn")
    .min(MIN_ANONYMITY_THRESHOLD, `moet minstens ${MIN_ANONYMITY_THRESHOLD} zijn: kleinere groepen zijn niet anoniem`)
    .max(MAX_ANONYMITY_THRESHOLD, `mag hoogstens ${MAX_ANONYMITY_THRESHOLD} zijn`)
    .default(MIN_ANONYMITY_THRESHOLD),
  closesOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "moet een datum zijn (jjjj-mm-dd)")
    .nullable()
    .default(null),
});
export type RoundInput = z.output<typeof roundInputSchema>;

export const memberRoleSchema = z.enum(["coordinator", "member"], { message: "moet coordinator of member zijn" });

/** A team plan action: a personal action plus an owner who may be a team member. */
export const teamActionInputSchema = actionInputSchema.extend({ ownerUserId: z.string().nullable().default(null) });
export const teamActionPatchSchema = actionPatchSchema.extend({ ownerUserId: z.string().nullable().optional() });
export type TeamActionInput = z.output<typeof teamActionInputSchema>;
export type TeamActionPatch = z.output<typeof teamActionPatchSchema>;
