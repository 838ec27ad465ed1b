import type { ReactNode } from "react";
import type { Theme } from "../../../domain/content/schema.ts";
import type { ItemAggregate, ThemeAggregate } from "../../../domain/teams/aggregation.ts";
import { useTeamFormat } from "../../app/format.ts";
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import { DistributionBars } from "./charts.tsx";

/** A wide table scrolls sideways on a phone; the scroll area is reachable and scrollable with the keyboard. */
export function ScrollTable({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard reachable (WCAG 2.1.1)
    <section className="team-scroll" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}

type ThemeRowsProps = {
  themes: Theme[];
  aggregates: ThemeAggregate[];
  previous?: { name: string; aggregates: ThemeAggregate[] } | null;
  captionId: string;
  caption: string;
};

/** A hidden count: a dash to see, "te weinig antwoorden" to hear (the legend under the tables explains the dash). */
export function HiddenCount() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t("results.tooFew")}</span>
    </>
  );
}

/** Mean per theme (of the factor means shown), how many of its factors are shown, and the previous round's mean. */
export function ThemeTable({ themes, aggregates, previous, captionId, caption }: ThemeRowsProps) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const mean = (value: number | null | undefined) =>
    value == null ? <span className="hint">{t("results.tooFew")}</span> : format.score(value);
  return (
    <ScrollTable labelledBy={captionId}>
      <Table className="team-table">
        <TableCaption id={captionId}>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("results.table.theme")}</TableHeaderCell>
            <TableHeaderCell scope="col" className="numeric">
              {t("results.table.mean")}
            </TableHeaderCell>
            {previous && (
              <TableHeaderCell scope="col" className="numeric">
                {t("results.table.previous", { name: previous.name })}
              </TableHeaderCell>
            )}
            <TableHeaderCell scope="col" className="numeric">
              {t("results.table.factorsShown")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {themes.map((theme, index) => {
            const row = aggregates.find((a) => a.id === theme.id);
            const before = previous?.aggregates.find((a) => a.id === theme.id);
            return (
              <TableRow key={theme.id}>
                <TableHeaderCell scope="row" lang="nl">
                  {index + 1}. {theme.title}
                </TableHeaderCell>
                <TableCell className="numeric team-table__score">
                  {row?.factors === 0 ? (
                    <span className="team-table__not-asked">{t("results.factorTable.notAsked")}</span>
                  ) : (
                    mean(row?.mean)
                  )}
                </TableCell>
                {previous && <TableCell className="numeric">{mean(before?.mean)}</TableCell>}
                <TableCell className="numeric">
                  {t("results.table.factorsShownValue", { shown: row?.factorsShown ?? 0, total: row?.factors ?? theme.items.length })}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}

type FactorTableProps = {
  theme: Theme;
  number: number;
  /** The group's factors: only those it is asked. A factor of the theme that is missing says "niet gevraagd". */
  items: ItemAggregate[];
  /** The group may answer "weet ik niet": then that count has its own column. */
  dontKnow: boolean;
};

/**
 * Per factor of a theme: mean, the distribution of 1–10, number of scores, n.v.t. and (for groups that may answer it)
 * weet ik niet. Each of them may be hidden (null: too few answers of that kind); a hidden figure is never shown as 0.
 */
export function FactorTable({ theme, number, items, dontKnow }: FactorTableProps) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const captionId = `factoren-${theme.id}`;
  return (
    <ScrollTable labelledBy={captionId}>
      <Table className="team-table team-table--factors">
        <TableCaption id={captionId} lang="nl" className="visually-hidden">
          {t("results.factorTable.caption", { number, title: theme.title })}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("results.factorTable.factor")}</TableHeaderCell>
            <TableHeaderCell scope="col" className="numeric">
              {t("results.table.mean")}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t("results.factorTable.distribution")}</TableHeaderCell>
            <TableHeaderCell scope="col" className="numeric">
              {t("results.table.answered")}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="numeric">
              {t("results.table.nvt")}
            </TableHeaderCell>
            {dontKnow && (
              <TableHeaderCell scope="col" className="numeric">
                {t("results.table.dontKnow")}
              </TableHeaderCell>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {theme.items.map((item) => {
            const row = items.find((a) => a.id === item.id);
            if (!row) {
              return (
                <TableRow key={item.id}>
                  <TableHeaderCell scope="row" className="team-table__factor">
                    <span className="factor-id">{item.id}</span> <span lang="nl">{item.text}</span>
                  </TableHeaderCell>
                  <TableCell colSpan={dontKnow ? 5 : 4} className="team-table__not-asked">
                    {t("results.factorTable.notAsked")}
                  </TableCell>
                </TableRow>
              );
            }
            const distribution = row.distribution;
            const given = (distribution ?? [])
              .map((count, index) => ({ count, score: index + 1 }))
              .filter((d) => d.count > 0)
              .map((d) => t("results.factorTable.times", { count: d.count, score: d.score }));
            const label =
              distribution === null
                ? t("results.factorTable.hidden")
                : given.length > 0
                  ? t("results.factorTable.distributionLabel", { list: given.join(", ") })
                  : t("results.factorTable.noScores");
            return (
              <TableRow key={item.id}>
                <TableHeaderCell scope="row" className="team-table__factor">
                  <span className="factor-id">{item.id}</span> <span lang="nl">{item.text}</span>
                </TableHeaderCell>
                <TableCell className="numeric team-table__score">
                  {row.mean == null ? <span className="hint">{t("results.tooFew")}</span> : format.score(row.mean)}
                </TableCell>
                <TableCell>
                  <DistributionBars distribution={distribution} label={label} />
                </TableCell>
                <TableCell className="numeric">{row.scored == null ? <HiddenCount /> : row.scored}</TableCell>
                <TableCell className="numeric">{row.notApplicable == null ? <HiddenCount /> : row.notApplicable}</TableCell>
                {dontKnow && <TableCell className="numeric">{row.dontKnow == null ? <HiddenCount /> : row.dontKnow}</TableCell>}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}
