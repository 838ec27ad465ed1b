import "../teams.css";
import { useParams } from "react-router";
import type { Item } from "../../../domain/content/schema.ts";
import { isVisible } from "../../../domain/teams/aggregation.ts";
import type { MirrorRow } from "../../../domain/teams/mirror.ts";
import { type Perspective, useTeamFormat } from "../../app/format.ts";
import { Loading } from "../../app/Loading.tsx";
import { AppLink } from "../../app/links.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { Frame, PageLoadError, RequireAccount } from "../../app/ui/Frame.tsx";
import {
  Alert,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import { RoundTabs } from "../round/RoundTabs.tsx";
import { PerspectiveBarChart } from "./charts.tsx";
import { PerspectiveSummary } from "./PerspectiveSummary.tsx";
import { ScrollTable } from "./tables.tsx";
import { useRoundResults } from "./useRoundResults.ts";

/** `/teams/:id/metingen/:roundId/spiegel`: the perspectives side by side per theme, and the largest gaps. */
export function MirrorPage() {
  const { t } = useTranslation();
  return (
    <Frame wide>
      <RequireAccount title={t("mirror.titleFallback")}>
        <Mirror />
      </RequireAccount>
    </Frame>
  );
}

function Mirror() {
  const { t } = useTranslation();
  const { id: teamId = "", roundId = "" } = useParams();
  const load = useRoundResults(teamId, roundId);
  if (load.status === "loading") return <Loading />;
  if (load.status === "error") return <PageLoadError title={t("mirror.titleFallback")} error={load.error} retry={load.retry} />;
  const { results, team, tool } = load.data;
  const title = t("mirror.title", { name: results.round.name });
  const visible = results.perspectives.filter(isVisible);
  const shown: Perspective[] = visible.map((p) => p.perspective);
  // A group is only asked some factors: a factor (or a whole theme) it is not asked says so, not "te weinig antwoorden".
  const notAskedFactor = (id: string) => visible.filter((r) => !r.items.some((i) => i.id === id)).map((r) => r.perspective);
  const notAskedTheme = (id: string) => visible.filter((r) => r.themes.find((x) => x.id === id)?.factors === 0).map((r) => r.perspective);
  const items = new Map<string, Item>(tool.themes.flatMap((theme) => theme.items.map((item) => [item.id, item] as const)));

  return (
    <>
      <AppLink to={`/teams/${teamId}`} className="back-link">
        {t("round.back", { team: team.name })}
      </AppLink>
      <PageHeading title={title}>{title}</PageHeading>
      <RoundTabs teamId={teamId} roundId={roundId} />
      <Paragraph appearance="lead">{t("mirror.intro")}</Paragraph>
      <PerspectiveSummary perspectives={results.perspectives} threshold={results.threshold} />
      {shown.length < 2 && (
        <Alert type="info">
          <Paragraph>
            {results.perspectives.length < 2 ? t("mirror.oneGroup") : t("mirror.needTwo", { threshold: results.threshold })}
          </Paragraph>
        </Alert>
      )}

      {results.largestGaps.length > 0 && (
        <section aria-labelledby="grootste-verschillen" className="team-section">
          <Heading2 id="grootste-verschillen">{t("mirror.gapsTitle")}</Heading2>
          <Paragraph>{t("mirror.gapsIntro")}</Paragraph>
          <ol className="gap-list">
            {results.largestGaps.map((gap) => (
              <GapCard key={gap.id} gap={gap} item={items.get(gap.id)} />
            ))}
          </ol>
        </section>
      )}

      {shown.length > 0 && (
        <section aria-labelledby="spiegel-per-thema" className="team-section">
          <Heading2 id="spiegel-per-thema">{t("mirror.perTheme")}</Heading2>
          <figure className="chart-figure">
            <PerspectiveBarChart
              idPrefix="spiegel"
              perspectives={shown}
              labelledBy="spiegel-grafiek"
              rows={tool.themes.map((theme, index) => ({
                name: `${index + 1}. ${theme.title}`,
                shortName: t("common.themeShort", { number: index + 1 }),
                values: results.mirror.themes.find((row) => row.id === theme.id)?.means ?? {},
              }))}
            />
            <figcaption id="spiegel-grafiek" className="chart-figure__caption">
              {t("mirror.chartName")}
            </figcaption>
          </figure>
          <MirrorTable
            captionId="spiegel-tabel"
            caption={t("mirror.tableCaption")}
            firstColumn={t("results.table.theme")}
            perspectives={shown}
            rows={tool.themes.map((theme, index) => ({
              key: theme.id,
              label: `${index + 1}. ${theme.title}`,
              row: results.mirror.themes.find((row) => row.id === theme.id),
              notAsked: notAskedTheme(theme.id),
            }))}
          />
          <Heading2 id="spiegel-per-factor">{t("mirror.perFactor")}</Heading2>
          {tool.themes.map((theme, index) => (
            <details key={theme.id} className="mirror-details">
              <summary lang="nl">{t("common.themeTitle", { number: index + 1, title: theme.title })}</summary>
              <MirrorTable
                captionId={`spiegel-factoren-${theme.id}`}
                caption={t("mirror.factorCaption", { number: index + 1, title: theme.title })}
                firstColumn={t("results.factorTable.factor")}
                perspectives={shown}
                rows={theme.items.map((item) => ({
                  key: item.id,
                  label: `${item.id} ${item.text}`,
                  row: results.mirror.items.find((row) => row.id === item.id),
                  notAsked: notAskedFactor(item.id),
                }))}
              />
            </details>
          ))}
        </section>
      )}
    </>
  );
}

/** A conversation starter: a factor where the perspectives differ most, with the highest and lowest side named. */
function GapCard({ gap, item }: { gap: MirrorRow; item?: Item }) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const entries = (Object.entries(gap.means) as [Perspective, number][]).sort((a, b) => b[1] - a[1]);
  const high = entries[0];
  const low = entries.at(-1);
  return (
    <li className="gap-card">
      <p className="gap-card__factor">
        <span className="factor-id">{gap.id}</span> <span lang="nl">{item?.text ?? ""}</span>
      </p>
      <ul className="gap-card__means">
        {entries.map(([p, mean]) => (
          <li key={p} className={`gap-card__mean gap-card__mean--${p}`}>
            {format.perspective(p)}: <strong>{format.score(mean)}</strong>
          </li>
        ))}
        <li className="gap-card__gap">
          {t("mirror.gap")}: <strong>{format.score(gap.gap)}</strong>
        </li>
      </ul>
      {high && low && (
        <p className="gap-card__question">
          <strong>{t("mirror.questionLead")}</strong>{" "}
          {t("mirror.question", {
            high: format.perspective(high[0]).toLowerCase(),
            low: format.perspective(low[0]).toLowerCase(),
          })}
        </p>
      )}
    </li>
  );
}

type MirrorTableProps = {
  captionId: string;
  caption: string;
  firstColumn: string;
  perspectives: Perspective[];
  /** Per row the groups that are not asked it (those cells say "niet gevraagd"). */
  rows: { key: string; label: string; row?: MirrorRow; notAsked: Perspective[] }[];
};

function MirrorTable({ captionId, caption, firstColumn, perspectives, rows }: MirrorTableProps) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  return (
    <ScrollTable labelledBy={captionId}>
      <Table className="team-table">
        <TableCaption id={captionId} lang="nl">
          {caption}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{firstColumn}</TableHeaderCell>
            {perspectives.map((p) => (
              <TableHeaderCell key={p} scope="col" className="numeric">
                {format.perspective(p)}
              </TableHeaderCell>
            ))}
            <TableHeaderCell scope="col" className="numeric">
              {t("mirror.gap")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(({ key, label, row, notAsked }) => (
            <TableRow key={key}>
              <TableHeaderCell scope="row" lang="nl">
                {label}
              </TableHeaderCell>
              {perspectives.map((p) => {
                const mean = row?.means[p];
                return (
                  <TableCell key={p} className="numeric">
                    {notAsked.includes(p) ? (
                      <span className="team-table__not-asked">{t("mirror.notAsked")}</span>
                    ) : mean === undefined ? (
                      <span className="hint">{t("results.tooFew")}</span>
                    ) : (
                      format.score(mean)
                    )}
                  </TableCell>
                );
              })}
              <TableCell className="numeric team-table__score">{row?.gap == null ? t("mirror.noGap") : format.score(row.gap)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}
