import { z } from "zod";
import { factorIdSchema } from "../content/schema.ts";

/** An entry's slug (its file name, its URL): lower-case words and digits joined by hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ENTRY_TYPES = ["praktijkvoorbeeld", "methode", "instrument", "programma"] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** The source documents entries are written from (files in shared/seeds). */
export const KENNISBANK_SOURCES = {
  verbetertool: "Wat werkt bij jongeren en arbeid — verbetertool (Instituut Gak)",
  onderzoek: "Onderzoeksrapport werkzame elementen en werkwijze consulenten (ZonMw, Vakkundig aan het werk)",
  praktijkvoorbeelden: "Praktijkvoorbeelden van de regionale aanpak jeugdwerkloosheid (ministerie van SZW)",
  "leernetwerk-factsheet-1": "Factsheet Lerend netwerk intensieve begeleiding van bijstandsgerechtigden, thema Jongeren – bijeenkomst 4",
  "leernetwerk-factsheet-2": "Factsheet Lerend netwerk intensieve begeleiding van bijstandsgerechtigden, thema Jongeren – bijeenkomst 3",
} as const;
export type KennisbankSource = keyof typeof KENNISBANK_SOURCES;

const text = z.string().trim().min(1);

/**
 * Evidence levels as the Dutch databanks of interventions (Databank Effectieve Jeugdinterventies of the NJi, Databank
 * Effectieve sociale interventies of Movisie, judged by the Erkenningscommissie Interventies) name them, from least to
 * most; "niet beoordeeld" when no source states a level.
 */
export const EVIDENCE_LEVELS = [
  "niet beoordeeld",
  "goed beschreven",
  "goed onderbouwd",
  "effectief volgens eerste aanwijzingen",
  "effectief volgens goede aanwijzingen",
  "effectief volgens sterke aanwijzingen",
] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];
export const NOT_ASSESSED: EvidenceLevel = "niet beoordeeld";

/** Front matter of one kennisbank entry (content/kennisbank/<slug>.md); the Markdown body follows it. */
export const entryFrontMatterSchema = z.strictObject({
  type: z.enum(ENTRY_TYPES),
  title: text,
  /** One or two sentences, our own words. */
  summary: text.max(400),
  /** Organisation(s) behind it; never names of individual people. */
  organisation: z.string().trim().optional(),
  /** Region or municipality, e.g. "Regio Twente", "Gemeente Amsterdam", "landelijk". */
  region: z.string().trim().optional(),
  /** For praktijkvoorbeelden of the SZW brochure: the thematic heading it appears under. */
  category: z.string().trim().optional(),
  targetGroups: z.array(text).default([]),
  themes: z.array(z.string().regex(/^[1-7]$/)).default([]),
  factors: z.array(factorIdSchema).default([]),
  keyElements: z.array(text).default([]),
  /** Figures and results where the source gives them. */
  results: z.array(text).default([]),
  source: z.strictObject({
    document: z.enum(Object.keys(KENNISBANK_SOURCES) as [KennisbankSource, ...KennisbankSource[]]),
    where: z.string().trim().optional(),
  }),
  /** External link, only where the source gives one. */
  link: z.url().optional(),
  /** Whom to contact: an organisation, a role or a generic address; a person's name only where the source gives it publicly. */
  contact: z.string().trim().min(1).optional(),
  /** How it was (or is) financed, where the source says so. */
  financing: z.string().trim().min(1).optional(),
  /** When it ran, e.g. "2019–2021" or "sinds 2015". */
  period: z.string().trim().min(1).optional(),
  /** How many young people it reaches, where known, e.g. "zo'n 80 jongeren per jaar". */
  targetGroupSize: z.string().trim().min(1).optional(),
  /** Only where a source states a databank's judgement; otherwise "niet beoordeeld". */
  evidence: z.enum(EVIDENCE_LEVELS).default(NOT_ASSESSED),
});
export type EntryFrontMatter = z.output<typeof entryFrontMatterSchema>;
export type Entry = EntryFrontMatter & { slug: string; body: string };
