import "../app/ui/kit.css";
import "./management.css";
import type { ReactNode } from "react";
import { useParams } from "react-router";
import type { Perspective } from "../../domain/teams/perspectives.ts";
import { type ManagementSummary, managementApi } from "../api/management.ts";
import { useTeamFormat } from "../app/format.ts";
import { LoadError } from "../app/LoadError.tsx";
import { Loading } from "../app/Loading.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { Frame } from "../app/ui/Frame.tsx";
import { useLoad } from "../app/useLoad.ts";
import { Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

type Group = ManagementSummary["perspectives"][number];

/**
 * `/management/:token`: a round's management summary for a manager or alderman, read-only and without an account.
 * It shows what the API sends and nothing more: per group the responses and the released means, "te weinig
 * antwoorden" where a figure is hidden.
 */
export function ManagementPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const load = useLoad((signal) => managementApi.summary(token, signal), [token]);
  return (
    <Frame wide className="management-summary">
      {load.status === "loading" && <Loading />}
      {load.status === "error" &&
        (load.error.status === 404 ? (
          <>
            <PageHeading title={t("management.notFoundTitle")}>{t("management.notFoundTitle")}</PageHeading>
            <Paragraph>{t("management.notFound")}</Paragraph>
          </>
        ) : (
          <>
            <PageHeading title={t("management.titleFallback")}>{t("management.titleFallback")}</PageHeading>
            <LoadError error={load.error} retry={load.retry} />
          </>
        ))}
      {load.status === "ready" && <Summary summary={load.data} />}
    </Frame>
  );
}

function Summary({ summary }: { summary: ManagementSummary }) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const { round, perspectives: groups } = summary;
  const title = t("management.title", { name: round.name });
  const groupName = (p: Perspective) => t(`management.perspectives.${p}`);
  const score = (value: number | null) =>
    value === null ? <span className="management-summary__hidden">{t("management.tooFew")}</span> : format.score(value);
  const themes = groups[0]?.themes ?? [];
  const status = round.closedAt
    ? t("management.closed", { date: format.date(round.closedAt) })
    : round.closesOn
      ? t("management.closesOn", { date: format.date(round.closesOn) })
      : t("management.open");

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph appearance="lead">{t("management.lead")}</Paragraph>
      <Paragraph>
        {t("management.started", { date: format.date(round.startedAt) })}, {status}.
      </Paragraph>
      <Paragraph>{t("management.anonymity", { threshold: summary.threshold })}</Paragraph>

      <Heading2 id="reacties-per-groep">{t("management.groupsTitle")}</Heading2>
      <Scroll labelledBy="reacties-per-groep-tabel">
        <Table>
          <TableCaption id="reacties-per-groep-tabel">{t("management.groupsCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("management.group")}</TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t("management.responses")}
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t("management.overall")}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {groups.map((g) => (
              <TableRow key={g.perspective}>
                <TableHeaderCell scope="row">{groupName(g.perspective)}</TableHeaderCell>
                <TableCell numericColumn>{g.responses}</TableCell>
                <TableCell numericColumn>{score(g.overall)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Scroll>

      <Heading2 id="per-thema">{t("management.themesTitle")}</Heading2>
      <FigureTable
        captionId="per-thema-tabel"
        caption={t("management.themesCaption")}
        firstColumn={t("management.theme")}
        groups={groups}
        rows={themes.map((theme, index) => ({
          id: theme.id,
          label: `${index + 1}. ${theme.title}`,
          cells: groups.map((g) => g.themes.find((x) => x.id === theme.id)?.mean ?? null),
        }))}
        score={score}
      />

      <Heading2 id="per-factor">{t("management.factorsTitle")}</Heading2>
      <Paragraph>{t("management.factorsIntro")}</Paragraph>
      {themes.map((theme, index) => (
        <details key={theme.id}>
          <summary>{t("management.themeTitle", { number: index + 1, title: theme.title })}</summary>
          <FigureTable
            captionId={`per-factor-${theme.id}`}
            caption={t("management.factorsCaption", { number: index + 1 })}
            firstColumn={t("management.factor")}
            groups={groups}
            rows={theme.factors.map((factor) => ({
              id: factor.id,
              label: `${factor.id} ${factor.title}`,
              cells: groups.map((g) => {
                const found = g.themes.find((x) => x.id === theme.id)?.factors.find((f) => f.id === factor.id);
                return found ? found.mean : "notAsked";
              }),
            }))}
            score={score}
          />
        </details>
      ))}
    </>
  );
}

type FigureTableProps = {
  captionId: string;
  caption: string;
  firstColumn: string;
  groups: Group[];
  rows: { id: string; label: string; cells: (number | null | "notAsked")[] }[];
  score: (value: number | null) => ReactNode;
};

/** Rows (themes or factors) against the groups; hidden figures say so in words. */
function FigureTable({ captionId, caption, firstColumn, groups, rows, score }: FigureTableProps) {
  const { t } = useTranslation();
  return (
    <Scroll labelledBy={captionId}>
      <Table>
        <TableCaption id={captionId}>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{firstColumn}</TableHeaderCell>
            {groups.map((g) => (
              <TableHeaderCell key={g.perspective} scope="col" numericColumn>
                {t(`management.perspectives.${g.perspective}`)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
              {row.cells.map((cell, i) => (
                <TableCell key={groups[i]?.perspective ?? i} numericColumn>
                  {cell === "notAsked" ? t("management.notAsked") : score(cell)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Scroll>
  );
}

/** A wide table scrolls sideways on a phone; the scroll area is reachable and scrollable with the keyboard. */
function Scroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard reachable (WCAG 2.1.1)
    <section className="management-summary__scroll" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
