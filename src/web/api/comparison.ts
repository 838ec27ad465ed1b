import type { OrganisationKind } from "../../domain/teams/comparison.ts";
import type {
  comparisonResponse,
  createdResponse,
  municipalitiesResponse,
  sharingResponse,
  spiegelMirrorResponse,
  spiegelResponse,
} from "../../domain/teams/responses.ts";
import type { Wire } from "../../domain/wire.ts";
import { request } from "./client.ts";

/** A round's figures next to comparable teams' (never another team's name, id or exact count). */
export type Comparison = Wire<typeof comparisonResponse>;
export type Spiegel = Wire<typeof spiegelResponse>;
export type SpiegelMirror = Wire<typeof spiegelMirrorResponse>;
export type MunicipalityOption = Wire<typeof municipalitiesResponse>[number];
export type ComparisonArea = "province" | "labourRegion";

const team = (id: string) => `/api/teams/${encodeURIComponent(id)}`;

/** Comparison with peers (opt-in) and the cross-organisation spiegel. */
export const comparisonApi = {
  municipalities: (signal?: AbortSignal) => request<MunicipalityOption[]>("/api/places/municipalities", { signal }),
  setSharing: (teamId: string, share: boolean) =>
    request<Wire<typeof sharingResponse>>(`${team(teamId)}/sharing`, { method: "PUT", body: { share } }),
  comparison: (roundId: string, filter: { kind?: OrganisationKind; area?: ComparisonArea }, signal?: AbortSignal) => {
    const query = new URLSearchParams();
    if (filter.kind) query.set("kind", filter.kind);
    if (filter.area) query.set("area", filter.area);
    const suffix = query.size > 0 ? `?${query}` : "";
    return request<Comparison>(`/api/rounds/${encodeURIComponent(roundId)}/comparison${suffix}`, { signal });
  },
  spiegels: (teamId: string, signal?: AbortSignal) => request<Spiegel[]>(`${team(teamId)}/spiegels`, { signal }),
  invite: (teamId: string) => request<Spiegel>(`${team(teamId)}/spiegels`, { method: "POST" }),
  accept: (teamId: string, code: string) =>
    request<Wire<typeof createdResponse>>(`${team(teamId)}/spiegels/accept`, { method: "POST", body: { code } }),
  withdraw: (teamId: string, spiegelId: string) =>
    request<void>(`${team(teamId)}/spiegels/${encodeURIComponent(spiegelId)}`, { method: "DELETE" }),
  mirror: (teamId: string, spiegelId: string, signal?: AbortSignal) =>
    request<SpiegelMirror>(`${team(teamId)}/spiegels/${encodeURIComponent(spiegelId)}`, { signal }),
};
