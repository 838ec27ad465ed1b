import type { Trend } from "../../api/teams.ts";
import { type Perspective, useTeamFormat } from "../../app/format.ts";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import { TrendChart } from "./charts.tsx";
import { ScrollTable } from "./tables.tsx";

type Points = Trend["themes"][string];

/** The line chart of a trend, only where there is a line to draw (some group has a figure in some round). */
export function TrendFigure({
  id,
  points,
  perspectives,
  caption,
}: {
  id: string;
  points: Points;
  perspectives: Perspective[];
  caption: string;
}) {
  if (!points.some((point) => Object.keys(point.means).length > 0)) return null;
  return (
    <figure className="chart-figure">
      <TrendChart labelledBy={id} perspectives={perspectives} rows={points.map((point) => ({ name: point.roundName, ...point.means }))} />
      <figcaption id={id} className="chart-figure__caption">
        {caption}
      </figcaption>
    </figure>
  );
}

type TableProps = {
  id: string;
  title: string;
  points: Points;
  perspectives: Perspective[];
  /** Whether a round asked a group (a group it did not ask is "niet gevraagd", not "te weinig antwoorden"). */
  asked: (roundId: string, perspective: Perspective) => boolean;
};

/** The same figures as a table: a row per round, a column per group. */
export function TrendTable({ id, title, points, perspectives, asked }: TableProps) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  return (
    <>
      {/* The title stands outside the scroll region, so it wraps to the page and is never scrolled away. */}
      <p id={id} className="trend-table__title">
        {title}
      </p>
      <ScrollTable labelledBy={id}>
        <Table className="team-table trend-table" aria-labelledby={id}>
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
                      ) : asked(point.roundId, p) ? (
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
    </>
  );
}
