import "./factor-trend.css";
import { useSearchParams } from "react-router";
import type { Tool } from "../../../domain/content/schema.ts";
import type { Trend } from "../../api/teams.ts";
import { type Perspective, useTeamFormat } from "../../app/format.ts";
import { Field } from "../../app/ui/Field.tsx";
import {
  Heading2,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import { TrendChart } from "./charts.tsx";
import { ScrollTable } from "./tables.tsx";

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
  const format = useTeamFormat();
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
                <p id={`${headingId}-tabel`} className="trend-table__title">
                  {t("factorTrend.tableCaption", { id: item.id, theme: themeNumber })}
                </p>
                <ScrollTable labelledBy={`${headingId}-tabel`}>
                  <Table className="team-table trend-table" aria-labelledby={`${headingId}-tabel`}>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">{t("trend.round")}</TableHeaderCell>
                        {perspectives.map((p) => (
                          <TableHeaderCell key={p} scope="col" className="numeric">
                            {format.perspective(p)}
                          </TableHeaderCell>
                        ))}
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {points.map((point) => (
                        <TableRow key={point.roundId}>
                          <TableHeaderCell scope="row">{point.roundName}</TableHeaderCell>
                          {perspectives.map((p) => {
                            const mean = point.means[p];
                            return (
                              <TableCell key={p} className="numeric">
                                {mean !== undefined ? (
                                  format.score(mean)
                                ) : asks(point.roundId, p) && !notAsked(p) ? (
                                  <span className="hint">{t("results.tooFew")}</span>
                                ) : (
                                  <span className="team-table__not-asked">{t("mirror.notAsked")}</span>
                                )}
                              </TableCell>
                            );
                          })}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </ScrollTable>
                {/* A chart only where there is a line to draw: some group has a figure in some round. */}
                {points.some((point) => Object.keys(point.means).length > 0) && (
                  <figure className="chart-figure">
                    <TrendChart
                      labelledBy={`${headingId}-grafiek`}
                      perspectives={perspectives}
                      rows={points.map((point) => ({ name: point.roundName, ...point.means }))}
                    />
                    <figcaption id={`${headingId}-grafiek`} className="chart-figure__caption">
                      {t("factorTrend.chartName", { id: item.id })}
                    </figcaption>
                  </figure>
                )}
              </>
            )}
          </section>
        );
      })}
    </section>
  );
}
