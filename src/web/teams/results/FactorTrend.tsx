import "./factor-trend.css";
import { useSearchParams } from "react-router";
import type { Tool } from "../../../domain/content/schema.ts";
import type { Trend } from "../../api/teams.ts";
import type { Perspective } from "../../app/format.ts";
import { Field } from "../../app/ui/Field.tsx";
import { Heading2, Heading3, Paragraph, Select, SelectOption } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import { TrendFigure, TrendTable } from "./TrendParts.tsx";

type Props = {
  trend: Trend;
  tool: Tool;
  perspectives: Perspective[];
  /** Whether a round asked a group at all (a group it did not ask is "niet gevraagd", not "te weinig antwoorden"). */
  asks: (roundId: string, perspective: Perspective) => boolean;
};

/**
 * The trend per factor of one chosen theme (`?thema=<id>`, so it can be linked): per factor a table of the rounds by
 * group, then the same figures as a line chart. Figures a round hid (too few answers) are absent from the trend too.
 */
export function FactorTrend({ trend, tool, perspectives, asks }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const chosen = tool.themes.find((theme) => theme.id === search.get("thema")) ?? tool.themes[0];
  if (!chosen) return null;
  const themeNumber = tool.themes.indexOf(chosen) + 1;

  return (
    <section aria-labelledby="trend-per-factor" className="team-section factor-trend">
      <Heading2 id="trend-per-factor">{t("factorTrend.title")}</Heading2>
      <Paragraph>{t("factorTrend.intro")}</Paragraph>
      <Field id="trend-thema" label={t("factorTrend.chooseTheme")}>
        {(props) => (
          <Select
            {...props}
            value={chosen.id}
            onChange={(e) =>
              setSearch((s) => ({ ...Object.fromEntries(s), thema: e.target.value }), { replace: true, preventScrollReset: true })
            }
          >
            {tool.themes.map((theme, index) => (
              <SelectOption key={theme.id} value={theme.id} lang="nl">
                {t("common.themeTitle", { number: index + 1, title: theme.title })}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      {chosen.items.map((item) => {
        const points = trend.factors[item.id] ?? [];
        const headingId = `trend-factor-${item.id.replace(".", "-")}`;
        const notAsked = (p: Perspective) => p !== "professional" && (item.notAskedOf ?? []).includes(p);
        return (
          <section key={item.id} aria-labelledby={headingId} className="factor-trend__factor">
            <Heading3 id={headingId} lang="nl">
              {t("factorTrend.factorTitle", { id: item.id, text: item.text })}
            </Heading3>
            {points.length === 0 ? (
              <Paragraph>{t("factorTrend.noPoints")}</Paragraph>
            ) : (
              <>
                <TrendTable
                  id={`${headingId}-tabel`}
                  title={t("factorTrend.tableCaption", { id: item.id, theme: themeNumber })}
                  points={points}
                  perspectives={perspectives}
                  asked={(roundId, p) => asks(roundId, p) && !notAsked(p)}
                />
                <TrendFigure
                  id={`${headingId}-grafiek`}
                  points={points}
                  perspectives={perspectives}
                  caption={t("factorTrend.chartName", { id: item.id })}
                />
              </>
            )}
          </section>
        );
      })}
    </section>
  );
}
