import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import i18n from "../../app/i18n.ts";
import en from "./en.json";
import nl from "./nl.json";

/** The translations of the team, account, respondent and privacy pages: their own namespace, "teams". */
export const TEAMS_NS = "teams";
export const teamsNl = nl;
// Every key in nl.json must exist in en.json: this assignment fails to compile otherwise.
export const teamsEn: typeof nl = en;

// Registered on first import, so the pages work without any change to the app's i18n set-up.
if (!i18n.hasResourceBundle("nl", TEAMS_NS)) i18n.addResourceBundle("nl", TEAMS_NS, teamsNl, true, true);
if (!i18n.hasResourceBundle("en", TEAMS_NS)) i18n.addResourceBundle("en", TEAMS_NS, teamsEn, true, true);

type PluralSuffix = "_one" | "_other" | "_zero";
type StripPlural<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K;
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? StripPlural<`${Prefix}${K}`> : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type TeamsKey = Leaves<typeof nl>;
export type TeamsT = (key: TeamsKey, options?: Record<string, unknown>) => string;

/** `t` for the "teams" namespace, typed on nl.json; re-renders on a language change like useTranslation does. */
export function useTeamsT(): TeamsT {
  const { i18n: instance } = useTranslation();
  const language = instance.language;
  return useMemo(() => {
    const fixed = (instance.getFixedT as unknown as (lng: string, ns: string) => (key: string, options?: object) => string)(
      language,
      TEAMS_NS,
    );
    return (key: TeamsKey, options?: Record<string, unknown>) => fixed(key, options);
  }, [instance, language]);
}
