import { z } from "zod";
import { ENTRY_TYPES, EVIDENCE_LEVELS, KENNISBANK_SOURCES, type KennisbankSource } from "./schema.ts";

/**
 * Response schemas of the kennisbank routes (`/api/kennisbank…`: search, entries, projectendatabank submissions and
 * moderation). The server encodes every response through them, so a field not named here never leaves it — the
 * search vectors and a submission's status token are not in the entry (`kennisbankEntryResponse`).
 */

const entryType = z.enum(ENTRY_TYPES);
const evidenceLevel = z.enum(EVIDENCE_LEVELS);
export const ENTRY_STATUSES = ["pending", "published", "rejected"] as const;
const entryStatus = z.enum(ENTRY_STATUSES);

/** One search hit. */
export const searchResultResponse = z.object({
  slug: z.string(),
  type: entryType,
  title: z.string(),
  summary: z.string(),
  themes: z.array(z.string()),
  factors: z.array(z.string()),
  region: z.string().nullable(),
  organisation: z.string().nullable(),
  evidenceLevel,
  /** Safe HTML: escaped text with the matched words in <mark>. */
  snippet: z.string().describe("Veilige HTML: ge-escapete tekst met <mark> rond de gevonden woorden"),
});

/** `GET /api/kennisbank`: one page (20) of hits and how many there are in all. */
export const searchPageResponse = z.object({ total: z.number(), results: z.array(searchResultResponse) });

/** `GET /api/kennisbank/facets`: the values the filters can take. */
export const facetsResponse = z.object({
  /** The free-text regions as written. */
  regions: z.array(z.string()),
  targetGroups: z.array(z.string()),
  municipalities: z.array(z.string()),
  labourRegions: z.array(z.string()),
  provinces: z.array(z.string()),
  /** Whether some entry is for the whole country. */
  national: z.boolean(),
  organisations: z.array(z.string()),
  /** The levels some entry has, from least to most. */
  evidenceLevels: z.array(evidenceLevel),
});

/** A link to an entry. */
export const entryLinkResponse = z.object({ slug: z.string(), type: entryType, title: z.string() });

/** `GET /api/kennisbank/by-factor`: published entries per factor id. */
export const entriesByFactorResponse = z.record(z.string(), z.array(entryLinkResponse));

/** A stored entry as the API returns it (content files and submissions alike). */
export const kennisbankEntryResponse = z.object({
  slug: z.string(),
  origin: z.enum(["content", "submission"]),
  status: entryStatus,
  type: entryType,
  title: z.string(),
  summary: z.string(),
  /** Markdown (light: the web renders it safely). */
  body: z.string(),
  organisation: z.string().nullable(),
  region: z.string().nullable(),
  category: z.string().nullable(),
  targetGroups: z.array(z.string()),
  themes: z.array(z.string()),
  factors: z.array(z.string()),
  keyElements: z.array(z.string()),
  results: z.array(z.string()),
  source: z
    .object({
      document: z.enum(Object.keys(KENNISBANK_SOURCES) as [KennisbankSource, ...KennisbankSource[]]),
      where: z.string().optional(),
    })
    .nullable(),
  link: z.string().nullable(),
  contact: z.string().nullable(),
  financing: z.string().nullable(),
  period: z.string().nullable(),
  targetGroupSize: z.string().nullable(),
  evidenceLevel,
  /** The places `region` names (content/regions.yaml); `region` itself stays as written. */
  municipalities: z.array(z.string()),
  labourRegions: z.array(z.string()),
  provinces: z.array(z.string()),
  national: z.boolean(),
  /** The organisations `organisation` names. */
  organisations: z.array(z.string()),
  rejectionReason: z.string().nullable(),
  createdAt: z.date(),
  reviewedAt: z.date().nullable(),
});

/** `GET /api/kennisbank/:slug`: a published entry with its factors' wording and related entries. */
export const entryPageResponse = kennisbankEntryResponse.extend({
  factorDetails: z.array(z.object({ id: z.string(), themeId: z.string().optional(), text: z.string().optional() })),
  related: z.array(entryLinkResponse.extend({ summary: z.string(), factors: z.array(z.string()) })),
});

/** `GET /api/kennisbank/submissions`: the submissions with one status (moderators). */
export const submissionListResponse = z.array(kennisbankEntryResponse);

/** 201 of `POST /api/kennisbank/submissions`: the submitter keeps `statusToken` to follow it. */
export const submissionCreatedResponse = z.object({ slug: z.string(), status: z.literal("pending"), statusToken: z.string() });

/** `GET /api/kennisbank/submissions/status/:token`: the submitter's view. */
export const submissionStatusResponse = z.object({
  slug: z.string(),
  title: z.string(),
  status: entryStatus,
  rejectionReason: z.string().nullable(),
  createdAt: z.date(),
});

/** `POST /api/kennisbank/submissions/:slug/moderation`. */
export const moderatedResponse = z.object({ slug: z.string(), status: z.enum(["published", "rejected"]) });
