import { z } from "zod";
import { actionInputSchema, actionPatchSchema } from "../checks/plan.ts";
import { organisationKindSchema } from "./comparison.ts";
import { MAX_ANONYMITY_THRESHOLD, MIN_ANONYMITY_THRESHOLD, PERSPECTIVES } from "./perspectives.ts";
import { MEMBER_ROLES } from "./roles.ts";

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
    /** null: not chosen. */
    organisationKind: organisationKindSchema.nullable(),
    /** A municipality of content/regions.yaml (checked against the list by the server); null or "": none. */
    municipality: z
      .string()
      .trim()
      .max(100, "mag hoogstens 100 tekens bevatten")
      .nullable()
      .transform((m) => (m ? m : null)),
    retentionMonths: z.number().int("moet een geheel aantal maanden zijn").min(1, "minstens 1 maand").max(120, "hoogstens 120 maanden"),
  })
  .partial();

export const roundInputSchema = z.strictObject({
  name: name("Naam van de meting"),
  /** Absent: the default tool (the one marked `default: true` in content/tools/). */
  toolId: z.string().optional(),
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
  /** The groups this round asks; each gets its own link. */
  perspectives: z
    .array(z.enum(PERSPECTIVES, { message: "moet professional, youth, employer of ketenpartner zijn" }))
    .min(1, "kies minstens één groep")
    .transform((list) => PERSPECTIVES.filter((p) => list.includes(p)))
    .default([...PERSPECTIVES]),
});
export type RoundInput = z.output<typeof roundInputSchema>;

export const memberRoleSchema = z.enum(MEMBER_ROLES, { message: "moet coordinator of member zijn" });

/** A team plan action: a personal action plus an owner who may be a team member. */
export const teamActionInputSchema = actionInputSchema.extend({ ownerUserId: z.string().nullable().default(null) });
export const teamActionPatchSchema = actionPatchSchema.extend({ ownerUserId: z.string().nullable().optional() });
export type TeamActionInput = z.output<typeof teamActionInputSchema>;
export type TeamActionPatch = z.output<typeof teamActionPatchSchema>;

/** Addresses for personal single-use invitations; they are used to send the mails and then forgotten. */
export const personalInvitesInputSchema = z.strictObject({
  perspective: z.enum(PERSPECTIVES, { message: "moet professional, youth, employer of ketenpartner zijn" }),
  addresses: z
    .array(z.string().trim().toLowerCase().pipe(z.email("is geen geldig e-mailadres")), { message: "moet een lijst e-mailadressen zijn" })
    .min(1, "vul minstens één e-mailadres in")
    .max(500, "hoogstens 500 adressen per keer"),
});

export const youthMessageInputSchema = z.strictObject({
  message: z
    .string({ message: "moet een tekst zijn" })
    .trim()
    .max(2000, "mag hoogstens 2000 tekens bevatten")
    .nullable()
    .transform((m) => (m ? m : null)),
});

export const kioskInputSchema = z.strictObject({
  perspective: z.enum(PERSPECTIVES, { message: "moet professional, youth, employer of ketenpartner zijn" }),
});

export const openLinkInputSchema = z.strictObject({
  perspective: z.enum(PERSPECTIVES, { message: "moet professional, youth, employer of ketenpartner zijn" }),
  open: z.boolean({ message: "moet true of false zijn" }),
});

/** A new management link: its last day (the range, today up to 12 months ahead, is checked with the clock). */
export const managementLinkInputSchema = z.strictObject({
  expiresOn: z.string({ message: "is verplicht" }).regex(/^\d{4}-\d{2}-\d{2}$/, "moet een datum zijn (jjjj-mm-dd)"),
});

/** `PUT /api/teams/:id/sharing`: share the team's round figures anonymously with peers, or stop. */
export const sharingInputSchema = z.strictObject({ share: z.boolean({ message: "moet true of false zijn" }) });

/** `POST /api/teams/:id/spiegels/accept`: the code another team's coordinator passed on. */
export const spiegelAcceptInputSchema = z.strictObject({
  code: z.string({ message: "is verplicht" }).trim().min(1, "is verplicht").max(100, "is geen geldige code"),
});
