import type { AnswerValue } from "../../domain/checks/answers.ts";
import { formatScore } from "../../domain/checks/format.ts";
import { useTranslation } from "./i18n.ts";

/** Dutch number notation ("7,3") from the domain; the words around it in the interface language. */
export function useFormatters() {
  const { t } = useTranslation();
  return {
    score: (score: number | null) => (score === null ? t("score.none") : formatScore(score)),
    answer: (value: AnswerValue | null | undefined) =>
      value === null || value === undefined ? t("answer.none") : value === "nvt" ? t("answer.nvt") : String(value),
  };
}
