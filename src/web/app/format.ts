import { type CSSProperties, useMemo } from "react";
import { formatScore } from "../../domain/checks/format.ts";
import { PERSPECTIVES, type Perspective } from "../../domain/teams/perspectives.ts";
import { useTranslation } from "./i18n.ts";

export { PERSPECTIVES, type Perspective };

const day = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" });

/** Dates and scores in Dutch; scores in Dutch notation ("7,3"), as everywhere in the tool. */
export function useTeamFormat() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      /** An ISO date (yyyy-mm-dd) or timestamp. */
      date: (value: string) => day.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value)),
      score: (score: number | null | undefined) => (score === null || score === undefined ? t("common.noScore") : formatScore(score)),
      /** "+3,0", "−1,5", "0,0". */
      delta: (delta: number) => `${delta > 0 ? "+" : delta < 0 ? "−" : ""}${formatScore(Math.abs(delta))}`,
      perspective: (p: Perspective) => t(`perspectives.${p}.label`),
    }),
    [t],
  );
}

/**
 * One colour per perspective, each ≥ 3:1 against white (blue, vermilion, green, reddish purple after the Okabe–Ito
 * palette, so common colour-blindness keeps them apart). Charts add a pattern or line style as well (WCAG 1.4.1).
 */
export const PERSPECTIVE_COLORS: Record<Perspective, string> = {
  professional: "#24578f",
  youth: "#b3450b",
  employer: "#2f6b35",
  ketenpartner: "#a3467f",
};

/** Columns for a row of per-group cards on a wide screen: one per group, but four go two by two. */
export const perspectiveColumns = (count: number): CSSProperties =>
  ({ "--perspective-columns": count === 4 ? 2 : Math.max(1, count) }) as CSSProperties;
