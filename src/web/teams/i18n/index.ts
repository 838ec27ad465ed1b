import { type Leaves, type TOptions, translator } from "../../app/i18n.ts";
import app from "../../i18n/nl.json";
import nl from "./nl.json";

/**
 * The texts of the team, account and privacy pages: a file of their own, loaded with those (lazy) pages. The
 * respondents' texts ("respond.…") are in the app's file, since the check pages, which respondents use too, are part
 * of the first load; `useTeamsT` reaches them as well.
 */
const texts = { ...nl, respond: app.respond };

export type TeamsKey = Leaves<typeof texts>;
export type TeamsT = (key: TeamsKey, options?: TOptions) => string;

const t: TeamsT = translator(texts);

/** `t` for the team pages, typed on their nl.json. */
export function useTeamsT(): TeamsT {
  return t;
}
