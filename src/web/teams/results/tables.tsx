import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import type { Theme } from "../../../domain/content/schema.ts";
import type { ItemAggregate, ThemeAggregate } from "../../../domain/teams/aggregation.ts";
import { useTeamFormat } from "../format.ts";
import { useTeamsT } from "../i18n/index.ts";
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

/** Mean, number of scores and n.v.t. per theme (and the previous round's mean when there is one). */
export function ThemeTable({ themes, aggregates, previous, captionId, caption }: ThemeRowsProps) {
  const t = useTeamsT();
  const format = useTeamFormat();
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
              {t("results.table.answered")}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="numeric">
              {t("results.table.nvt")}
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
                <TableCell className="numeric team-table__score">{format.score(row?.mean)}</TableCell>
                {previous && <TableCell className="numeric">{format.score(before?.mean)}</TableCell>}
                <TableCell className="numeric">{row?.answered ?? 0}</TableCell>
                <TableCell className="numeric">{row?.notApplicable ?? 0}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}

/** Per factor of a theme: mean, the distribution of 1–10, number of scores and n.v.t. */
export function FactorTable({ theme, number, items }: { theme: Theme; number: number; items: ItemAggregate[] }) {
  const t = useTeamsT();
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
          </TableRow>
        </TableHeader>
        <TableBody>
          {theme.items.map((item) => {
            const row = items.find((a) => a.id === item.id);
            const distribution = row?.distribution ?? Array.from({ length: 10 }, () => 0);
            const given = distribution
              .map((count, index) => ({ count, score: index + 1 }))
              .filter((d) => d.count > 0)
              .map((d) => t("results.factorTable.times", { count: d.count, score: d.score }));
            return (
              <TableRow key={item.id}>
                <TableHeaderCell scope="row" className="team-table__factor">
                  <span className="factor-id">{item.id}</span> <span lang="nl">{item.text}</span>
                </TableHeaderCell>
                <TableCell className="numeric team-table__score">{format.score(row?.mean)}</TableCell>
                <TableCell>
                  <DistributionBars
                    distribution={distribution}
                    label={
                      given.length > 0
                        ? t("results.factorTable.distributionLabel", { list: given.join(", ") })
                        : t("results.factorTable.noScores")
                    }
                  />
                </TableCell>
                <TableCell className="numeric">{row?.answered ?? 0}</TableCell>
                <TableCell className="numeric">{row?.notApplicable ?? 0}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}
