import type { ReactNode } from "react";
import type { AnswerValue } from "../../../domain/checks/answers.ts";
import { AANDACHTSPUNT_MAX, type ThemeScore } from "../../../domain/checks/scoring.ts";
import type { Theme } from "../../../domain/content/schema.ts";
import type { EntriesByFactor } from "../../api/kennisbank.ts";
import { AppLink } from "../../app/links.tsx";
import { Heading3, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "../../app/utrecht.tsx";
import { useCheck } from "../CheckContext.ts";
import { useFormatters } from "../format.ts";
import { useTranslation } from "../i18n.ts";
import { itemText, wordingOf } from "../theme/wording.ts";

/** Wide tables scroll sideways on a phone; the scroll area can be reached and scrolled with the keyboard. */
function Scroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard reachable (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}

/** The same numbers as the chart: mean, answered, n.v.t. and not answered per theme. */
export function ThemeScoreTable({ themes, scores, captionId }: { themes: Theme[]; scores: ThemeScore[]; captionId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Scroll labelledBy={captionId}>
      <Table className="score-table">
        <TableCaption id={captionId}>{t("results.themeTable.caption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("results.themeTable.theme")}</TableHeaderCell>
            <TableHeaderCell scope="col" className="numeric">
              {t("results.themeTable.score")}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="numeric">
              {t("results.themeTable.answered")}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="numeric">
              {t("results.themeTable.nvt")}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="numeric">
              {t("results.themeTable.unanswered")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {themes.map((theme, index) => {
            const score = scores.find((s) => s.id === theme.id);
            return (
              <TableRow key={theme.id}>
                <TableHeaderCell scope="row" lang="nl">
                  {index + 1}. {theme.title}
                </TableHeaderCell>
                <TableCell className="numeric score-table__score">{format.score(score?.score ?? null)}</TableCell>
                <TableCell className="numeric">{score?.answered ?? 0}</TableCell>
                <TableCell className="numeric">{score?.notApplicable ?? 0}</TableCell>
                <TableCell className="numeric">{score?.unanswered ?? 0}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Scroll>
  );
}

/** A factor row's way to the kennisbank: its examples (prominent for an aandachtspunt), or the factor page. */
function ExamplesLink({ factorId, count, low }: { factorId: string; count: number; low: boolean }) {
  const { t } = useTranslation();
  const hidden = <span className="visually-hidden"> {t("examples.forFactor", { id: factorId })}</span>;
  if (count === 0) {
    return (
      <AppLink to={`/factoren/${factorId}`} className="score-table__examples">
        {t("results.factorTable.aboutFactor")}
        {hidden}
      </AppLink>
    );
  }
  return (
    <AppLink
      to={`/kennisbank?factor=${encodeURIComponent(factorId)}`}
      className={`score-table__examples${low ? " score-table__examples--low" : ""}`}
    >
      {t(low ? "results.factorTable.examplesLow" : "results.factorTable.examples", { count })}
      {hidden}
    </AppLink>
  );
}

type FactorTablesProps = {
  themes: Theme[];
  values: Record<string, AnswerValue | null>;
  /** Kennisbank entries per factor; the column is left out until they are loaded. */
  examples: EntriesByFactor | null;
};

/** Every factor's answer, one table per theme, with a link to how others do it. */
export function FactorTables({ themes, values, examples }: FactorTablesProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const wording = wordingOf(useCheck().round);
  return themes.map((theme, index) => {
    const headingId = `factoren-thema-${theme.id}`;
    return (
      <section key={theme.id} aria-labelledby={headingId} className="factor-table">
        <Heading3 id={headingId} lang="nl">
          {index + 1}. {theme.title}
        </Heading3>
        <Table className="score-table score-table--factors">
          <TableCaption className="visually-hidden">{t("results.factorTable.caption", { title: theme.title })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("results.factorTable.factor")}</TableHeaderCell>
              <TableHeaderCell scope="col" className="numeric">
                {t("results.factorTable.answer")}
              </TableHeaderCell>
              {examples && <TableHeaderCell scope="col">{t("results.factorTable.examplesColumn")}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {theme.items.map((item) => {
              const value = values[item.id];
              const low = typeof value === "number" && value <= AANDACHTSPUNT_MAX;
              return (
                <TableRow key={item.id} className={low ? "score-table__row--low" : undefined}>
                  <TableHeaderCell scope="row" lang="nl" className="score-table__factor">
                    <span className="factor__number">{item.id}</span> {itemText(item, wording)}
                  </TableHeaderCell>
                  <TableCell className="numeric">{format.answer(value)}</TableCell>
                  {examples && (
                    <TableCell className="score-table__examples-cell">
                      <ExamplesLink factorId={item.id} count={examples[item.id]?.length ?? 0} low={low} />
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </section>
    );
  });
}
