import "../teams.css";
import "./comparison.css";
import { useParams } from "react-router";
import type { Tool } from "../../../domain/content/schema.ts";
import type { Perspective } from "../../../domain/teams/perspectives.ts";
import { getTool } from "../../api/checks.ts";
import { comparisonApi, type SpiegelMirror } from "../../api/comparison.ts";
import { useTeamFormat } from "../../app/format.ts";
import { Loading } from "../../app/Loading.tsx";
import { AppLink } from "../../app/links.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { Frame, PageLoadError, RequireAccount } from "../../app/ui/Frame.tsx";
import { useLoad } from "../../app/useLoad.ts";
import {
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
import { ScrollTable } from "../results/tables.tsx";
import { useTranslation } from "./i18n.ts";

/** `/teams/:id/spiegels/:spiegelId`: two teams' released figures side by side, once both coordinators agreed. */
export function SpiegelPage() {
  const { t } = useTranslation();
  return (
    <Frame wide>
      <RequireAccount title={t("comparison.spiegel.pageTitleFallback")}>
        <SpiegelView />
      </RequireAccount>
    </Frame>
  );
}

function SpiegelView() {
  const { t } = useTranslation();
  const { id: teamId = "", spiegelId = "" } = useParams();
  const load = useLoad(
    async (signal) => {
      const mirror = await comparisonApi.mirror(teamId, spiegelId, signal);
      return { mirror, tool: mirror.toolId ? await getTool(mirror.toolId) : null };
    },
    [teamId, spiegelId],
  );
  if (load.status === "loading") return <Loading />;
  if (load.status === "error") {
    if (load.error.status === 404)
      return (
        <>
          <PageHeading title={t("comparison.spiegel.pageTitleFallback")}>{t("comparison.spiegel.pageTitleFallback")}</PageHeading>
          <Paragraph>{t("comparison.spiegel.notFound")}</Paragraph>
        </>
      );
    return <PageLoadError title={t("comparison.spiegel.pageTitleFallback")} error={load.error} retry={load.retry} />;
  }
  const { mirror, tool } = load.data;
  const [ours, theirs] = mirror.teams;
  const title = t("comparison.spiegel.pageTitle", { ours: ours?.teamName ?? "", theirs: theirs?.teamName ?? "" });
  const perspectives = [...new Set(mirror.teams.flatMap((side) => side.perspectives.map((p) => p.perspective)))];
  return (
    <>
      <AppLink to={`/teams/${teamId}`} className="back-link">
        {t("comparison.page.back", { team: ours?.teamName ?? "" })}
      </AppLink>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph appearance="lead">{t("comparison.spiegel.pageIntro")}</Paragraph>
      {mirror.teams.map((side) => (
        <Paragraph key={String(side.ours)}>
          {side.round
            ? t("comparison.spiegel.roundOf", { team: side.teamName, round: side.round.name })
            : t("comparison.spiegel.noRound", { team: side.teamName })}
        </Paragraph>
      ))}
      {perspectives.map((p) => (
        <SideBySide key={p} perspective={p} mirror={mirror} tool={tool} />
      ))}
    </>
  );
}

function SideBySide({ perspective, mirror, tool }: { perspective: Perspective; mirror: SpiegelMirror; tool: Tool | null }) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const captionId = `spiegel-${perspective}`;
  const sides = mirror.teams.map((side) => side.perspectives.find((p) => p.perspective === perspective));
  const themes = tool?.themes ?? [];
  const score = (value: number | null | undefined) =>
    value === null || value === undefined ? (
      <span className="comparison__hidden">{t("comparison.spiegel.tooFew")}</span>
    ) : (
      format.score(value)
    );
  return (
    <section aria-labelledby={`${captionId}-kop`}>
      <Heading2 id={`${captionId}-kop`}>{format.perspective(perspective)}</Heading2>
      <ScrollTable labelledBy={captionId}>
        <Table className="comparison__table">
          <TableCaption id={captionId}>{t("comparison.spiegel.caption", { perspective: format.perspective(perspective) })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("comparison.spiegel.theme")}</TableHeaderCell>
              {mirror.teams.map((side) => (
                <TableHeaderCell key={String(side.ours)} scope="col" numericColumn>
                  {side.teamName}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {themes.map((theme) => (
              <TableRow key={theme.id}>
                <TableHeaderCell scope="row">{theme.title}</TableHeaderCell>
                {sides.map((side, i) => (
                  <TableCell key={String(mirror.teams[i]?.ours ?? i)} numericColumn>
                    {score(side?.themes.find((th) => th.id === theme.id)?.mean)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollTable>
    </section>
  );
}
