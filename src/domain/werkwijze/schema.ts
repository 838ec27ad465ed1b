import { z } from "zod";
import { factorIdSchema } from "../content/schema.ts";

const text = z.string().trim().min(1);
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

const stepSchema = z.strictObject({ title: text, text: text });

/** The consultants' working method (seed 001, chapter 5), as a guide linked to the factors. */
export const werkwijzeSchema = z.strictObject({
  title: text,
  intro: text,
  source: z.strictObject({ document: z.literal("onderzoek"), where: text }),
  phases: z
    .array(
      z.strictObject({
        id: slug,
        title: text,
        summary: text,
        steps: z.array(stepSchema).min(1),
        factors: z.array(factorIdSchema).min(1),
      }),
    )
    .min(1),
  basicMethods: z.array(z.strictObject({ id: slug, title: text, text: text, factors: z.array(factorIdSchema).min(1) })).min(1),
  toolbox: z
    .array(
      z.strictObject({
        id: slug,
        title: text,
        text: text,
        factors: z.array(factorIdSchema).min(1),
        items: z.array(stepSchema).default([]),
        /** Problem → where to refer, for the personal-circumstances part. */
        referrals: z.array(z.strictObject({ problem: text, referTo: text })).default([]),
      }),
    )
    .min(1),
});
export type Werkwijze = z.output<typeof werkwijzeSchema>;
