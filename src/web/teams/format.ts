import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatScore } from "../../domain/checks/format.ts";
import { PERSPECTIVES, type Perspective } from "../../domain/teams/perspectives.ts";
import { useTeamsT } from "./i18n/index.ts";

export { PERSPECTIVES, type Perspective };

/** Dates and scores in the interface language; scores in Dutch notation ("7,3"), as everywhere in the tool. */
export function useTeamFormat() {
  const t = useTeamsT();
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : "nl-NL";
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" });
    return {
      /** An ISO date (yyyy-mm-dd) or timestamp. */
      date: (value: string) => day.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value)),
      score: (score: number | null | undefined) => (score === null || score === undefined ? t("common.noScore") : formatScore(score)),
      /** "+3,0", "−1,5", "0,0". */
      delta: (delta: number) => `${delta > 0 ? "+" : delta < 0 ? "−" : ""}${formatScore(Math.abs(delta))}`,
      perspective: (p: Perspective) => t(`perspectives.${p}.label`),
    };
  }, [locale, t]);
}

/** One colour per perspective, distinguishable for common colour-blindness, each ≥ 3:1 against white. */
export const PERSPECTIVE_COLORS: Record<Perspective, string> = {
  professional: "#24578f",
  youth: "#b3450b",
  employer: "#2f6b35",
};
