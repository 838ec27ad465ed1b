import type { agendaResponse, sessionResponse } from "../../domain/teams/session-responses.ts";
import type { Wire } from "../../domain/wire.ts";
import { request } from "./client.ts";

/** A round's spiegelsessie: per theme its mirror, gaps, questions, tips and examples (coordinators). */
export type Session = Wire<typeof sessionResponse>;
export type SessionTheme = Session["themes"][number];
/** A round's intervisie agenda (members). */
export type Agenda = Wire<typeof agendaResponse>;

const round = (id: string) => `/api/rounds/${encodeURIComponent(id)}`;

export const sessionsApi = {
  session: (roundId: string, signal?: AbortSignal) => request<Session>(`${round(roundId)}/session`, { signal }),
  agenda: (roundId: string, signal?: AbortSignal) => request<Agenda>(`${round(roundId)}/agenda`, { signal }),
  agendaPdf: (roundId: string) => `${round(roundId)}/agenda.pdf`,
};
