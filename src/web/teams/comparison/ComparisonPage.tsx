import "../teams.css";
import "./comparison.css";
import { useState } from "react";
import { useParams } from "react-router";
import type { Tool } from "../../../domain/content/schema.ts";
import { ORGANISATION_KINDS, type OrganisationKind } from "../../../domain/teams/comparison.ts";
import { getTool } from "../../api/checks.ts";
import { type Comparison, type ComparisonArea, comparisonApi } from "../../api/comparison.ts";
import { teamsApi } from "../../api/teams.ts";
import { useTeamFormat } from "../../app/format.ts";
import { Loading } from "../../app/Loading.tsx";
import { AppLink } from "../../app/links.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { Frame, PageLoadError, RequireAccount } from "../../app/ui/Frame.tsx";
import { useLoad } from "../../app/useLoad.ts";
import {
  Alert,
  Button,
  FormLabel,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../../app/utrecht.tsx";
import { ScrollTable } from "../results/tables.tsx";
import { useTranslation } from "./i18n.ts";

type Filter = { kind?: OrganisationKind; area?: ComparisonArea };

/** `/teams/:id/metingen/:roundId/vergelijking`: a round's theme and factor scores next to comparable teams'. */
export function ComparisonPage() {
  const { t } = useTranslation();
  return (
    <Frame wide>
      <RequireAccount title={t("comparison.page.titleFallback")}>
        <ComparisonView />
      </RequireAccount>
    </Frame>
  );
}

function ComparisonView() {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const { id: teamId = "", roundId = "" } = useParams();
  const [filter, setFilter] = useState<Filter>({});
  const [draft, setDraft] = useState<Filter>({});
  const load = useLoad(
    async (signal) => {
      const [team, comparison] = await Promise.all([teamsApi.get(teamId, signal), comparisonApi.comparison(roundId, filter, signal)]);
      const round = team.rounds.find((r) => r.id === roundId);
      return { team, comparison, tool: round ? await getTool(round.toolId) : null };
    },
    [teamId, roundId, filter.kind, filter.area],
  );
  if (load.status === "loading") return <Loading />;
  if (load.status === "error") return <PageLoadError title={t("comparison.page.titleFallback")} error={load.error} retry={load.retry} />;
  const { team, comparison, tool } = load.data;
  const title = t("comparison.page.title", { round: comparison.round.name });
  const asked = filter.kind !== undefined || filter.area !== undefined;
  const anyFigure = comparison.perspectives.some((p) =>
    p.themes.some((th) => th.peers !== null || th.factors.some((f) => f.peers !== null)),
  );

  return (
    <>
      <AppLink to={`/teams/${teamId}`} className="back-link">
        {t("comparison.page.back", { team: team.name })}
      </AppLink>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph appearance="lead">{t("comparison.page.intro")}</Paragraph>
      <Paragraph>
        {t("comparison.page.week", { from: format.date(comparison.pool.weekStart), next: format.date(comparison.pool.nextWeekStart) })}
      </Paragraph>
      {!comparison.pool.included ? (
        <Alert type="info">
          <Paragraph>
            {comparison.sharing
              ? t("comparison.page.notYetIncluded", { date: format.date(comparison.pool.nextWeekStart) })
              : t("comparison.page.notSharing")}
          </Paragraph>
        </Alert>
      ) : (
        <>
          {!comparison.sharing && (
            <Alert type="info">
              <Paragraph>{t("comparison.page.stillIncluded", { date: format.date(comparison.pool.nextWeekStart) })}</Paragraph>
            </Alert>
          )}
          <form
            className="comparison__filters"
            aria-label={t("comparison.page.filters")}
            onSubmit={(e) => {
              e.preventDefault();
              setFilter(draft);
            }}
          >
            <div className="utrecht-form-field">
              <FormLabel htmlFor="vergelijk-soort">{t("comparison.page.kind")}</FormLabel>
              <Select
                id="vergelijk-soort"
                value={draft.kind ?? ""}
                onChange={(e) => setDraft((d) => ({ ...d, kind: (e.target.value || undefined) as OrganisationKind | undefined }))}
              >
                <SelectOption value="">{t("comparison.page.kindAll")}</SelectOption>
                {ORGANISATION_KINDS.map((k) => (
                  <SelectOption key={k} value={k}>
                    {t(`comparison.kinds.${k}`)}
                  </SelectOption>
                ))}
              </Select>
            </div>
            <div className="utrecht-form-field">
              <FormLabel htmlFor="vergelijk-gebied">{t("comparison.page.area")}</FormLabel>
              <Select
                id="vergelijk-gebied"
                value={draft.area ?? ""}
                onChange={(e) => setDraft((d) => ({ ...d, area: (e.target.value || undefined) as ComparisonArea | undefined }))}
              >
                <SelectOption value="">{t("comparison.page.areaAll")}</SelectOption>
                <SelectOption value="province">{t("comparison.page.areaProvince")}</SelectOption>
                <SelectOption value="labourRegion">{t("comparison.page.areaLabourRegion")}</SelectOption>
              </Select>
            </div>
            <Button type="submit" appearance="secondary-action-button">
              {t("comparison.page.show")}
            </Button>
          </form>
          <p role="status" className="comparison__note">
            {asked && (comparison.filter.applied ? t("comparison.page.applied") : t("comparison.page.fellBack"))}
          </p>
          {!anyFigure && (
            <Alert type="info">
              <Paragraph>{t("comparison.page.noFigures")}</Paragraph>
            </Alert>
          )}
          {comparison.perspectives.map((p) => (
            <PerspectiveTable key={p.perspective} perspective={p} tool={tool} />
          ))}
        </>
      )}
    </>
  );
}

function PerspectiveTable({ perspective, tool }: { perspective: Comparison["perspectives"][number]; tool: Tool | null }) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const themeTitle = (id: string) => tool?.themes.find((th) => th.id === id)?.title ?? id;
  const factorTitle = (id: string) => tool?.themes.flatMap((th) => th.items).find((i) => i.id === id)?.text ?? id;
  const captionId = `vergelijking-${perspective.perspective}`;
  const cells = (figure: { own: number | null; peers: number | null; organisations: string | null }) => (
    <>
      <TableCell numericColumn>
        {figure.own === null ? <span className="comparison__hidden">{t("comparison.page.ownHidden")}</span> : format.score(figure.own)}
      </TableCell>
      <TableCell numericColumn>
        {figure.peers === null ? <span className="comparison__hidden">{t("comparison.page.hidden")}</span> : format.score(figure.peers)}
      </TableCell>
      <TableCell numericColumn>{figure.organisations ?? "–"}</TableCell>
    </>
  );
  return (
    <section aria-labelledby={`${captionId}-kop`}>
      <Heading2 id={`${captionId}-kop`}>{format.perspective(perspective.perspective)}</Heading2>
      <ScrollTable labelledBy={captionId}>
        <Table className="comparison__table">
          <TableCaption id={captionId}>
            {t("comparison.page.caption", { perspective: format.perspective(perspective.perspective) })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("comparison.page.factor")}</TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t("comparison.page.own")}
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t("comparison.page.peers")}
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t("comparison.page.organisations")}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {perspective.themes.flatMap((theme) => [
              <TableRow key={theme.id}>
                <TableHeaderCell scope="row">{themeTitle(theme.id)}</TableHeaderCell>
                {cells(theme)}
              </TableRow>,
              ...theme.factors.map((factor) => (
                <TableRow key={`${theme.id}-${factor.id}`}>
                  <TableHeaderCell scope="row" className="comparison__factor">
                    {factor.id} {factorTitle(factor.id)}
                  </TableHeaderCell>
                  {cells(factor)}
                </TableRow>
              )),
            ])}
          </TableBody>
        </Table>
      </ScrollTable>
    </section>
  );
}
