import "../teams.css";
import { Link, useParams, useSearchParams } from "react-router";
import { isVisible } from "../../../domain/teams/aggregation.ts";
import { allowsDontKnow } from "../../../domain/teams/perspectives.ts";
import { type Perspective, useTeamFormat } from "../../app/format.ts";
import { Loading } from "../../app/Loading.tsx";
import { AppLink } from "../../app/links.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { Frame, PageLoadError, RequireAccount } from "../../app/ui/Frame.tsx";
import { StatusBadge } from "../../app/ui/StatusBadge.tsx";
import { Alert, Heading2, Heading3, Paragraph, UnorderedList, UnorderedListItem } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import { RoundTabs } from "../round/RoundTabs.tsx";
import { PerspectiveBarChart } from "./charts.tsx";
import { Downloads } from "./Downloads.tsx";
import { PerspectiveSummary } from "./PerspectiveSummary.tsx";
import { FactorTable, ThemeTable } from "./tables.tsx";
import { useRoundResults } from "./useRoundResults.ts";

/** The perspective in the address (`?perspectief=jongeren`), so a refresh or a shared link shows the same view. */
const PERSPECTIVE_SLUGS: Record<Perspective, string> = {
  professional: "professionals",
  youth: "jongeren",
  employer: "werkgevers",
  ketenpartner: "ketenpartners",
};
const fromSlug = (slug: string | null) =>
  (Object.entries(PERSPECTIVE_SLUGS).find(([, s]) => s === slug)?.[0] as Perspective | undefined) ?? null;

/** `/teams/:id/metingen/:roundId/resultaten`: per perspective the responses; above the threshold the scores. */
export function TeamResultsPage() {
  const { t } = useTranslation();
  return (
    <Frame wide>
      <RequireAccount title={t("results.titleFallback")}>
        <TeamResults />
      </RequireAccount>
    </Frame>
  );
}

function TeamResults() {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const { id: teamId = "", roundId = "" } = useParams();
  const [search] = useSearchParams();
  const load = useRoundResults(teamId, roundId);
  if (load.status === "loading") return <Loading />;
  if (load.status === "error") return <PageLoadError title={t("results.titleFallback")} error={load.error} retry={load.retry} />;
  const { results, team, tool } = load.data;
  const title = t("results.title", { name: results.round.name });
  const visible = results.perspectives.filter(isVisible);
  const asked = fromSlug(search.get("perspectief"));
  const selected = visible.find((p) => p.perspective === asked) ?? visible[0];
  const previous = results.previous?.perspectives.find((p) => p.perspective === selected?.perspective);
  const notAllAsked = selected !== undefined && selected.items.length < tool.themes.reduce((n, theme) => n + theme.items.length, 0);

  return (
    <>
      <AppLink to={`/teams/${teamId}`} className="back-link">
        {t("round.back", { team: team.name })}
      </AppLink>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="round-status">
        <StatusBadge status={results.round.status} /> {t("results.threshold", { threshold: results.threshold })}
      </p>
      <RoundTabs teamId={teamId} roundId={roundId} />

      <section aria-labelledby="reacties" className="team-section">
        <Heading2 id="reacties">{t("results.responsesTitle")}</Heading2>
        <PerspectiveSummary perspectives={results.perspectives} threshold={results.threshold} channels={results.channels} />
        <Heading3 id="zo-werken-de-cijfers">{t("results.rules.title")}</Heading3>
        <UnorderedList>
          <UnorderedListItem>{t("results.rules.cell", { threshold: results.threshold })}</UnorderedListItem>
          <UnorderedListItem>{t("results.rules.steps", { threshold: results.threshold })}</UnorderedListItem>
          <UnorderedListItem>{t("results.rules.minimum", { minimum: results.minimumAnswers })}</UnorderedListItem>
          <UnorderedListItem>{t("results.rules.same")}</UnorderedListItem>
        </UnorderedList>
      </section>

      {!selected ? (
        <Alert type="info">
          <Paragraph>{t("results.nothingYet", { threshold: results.threshold })}</Paragraph>
        </Alert>
      ) : (
        <>
          {visible.length > 1 && (
            <nav className="perspective-switch" aria-label={t("results.switchLabel")}>
              <ul>
                {visible.map((p) => {
                  const current = p.perspective === selected.perspective;
                  return (
                    <li key={p.perspective}>
                      <Link
                        to={`?perspectief=${PERSPECTIVE_SLUGS[p.perspective]}`}
                        replace
                        preventScrollReset
                        className={`perspective-switch__link${current ? " perspective-switch__link--current" : ""}`}
                        aria-current={current ? "page" : undefined}
                      >
                        {format.perspective(p.perspective)}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
          )}
          <section aria-labelledby="per-thema" className="team-section">
            <Heading2 id="per-thema">{t("results.perTheme", { perspective: format.perspective(selected.perspective) })}</Heading2>
            <Paragraph>{t("results.perThemeIntro", { count: selected.responses - selected.waiting })}</Paragraph>
            <figure className="chart-figure">
              <PerspectiveBarChart
                idPrefix="resultaten"
                perspectives={[selected.perspective]}
                labelledBy="resultaten-grafiek"
                rows={tool.themes.map((theme, index) => ({
                  name: `${index + 1}. ${theme.title}`,
                  shortName: t("common.themeShort", { number: index + 1 }),
                  values: { [selected.perspective]: selected.themes.find((a) => a.id === theme.id)?.mean ?? null },
                }))}
              />
              <figcaption id="resultaten-grafiek" className="chart-figure__caption">
                {t("results.chartName", { perspective: format.perspective(selected.perspective) })}
              </figcaption>
            </figure>
            <ThemeTable
              themes={tool.themes}
              aggregates={selected.themes}
              previous={
                previous && isVisible(previous) && results.previous ? { name: results.previous.name, aggregates: previous.themes } : null
              }
              captionId="tabel-per-thema"
              caption={t("results.themeTableCaption", { perspective: format.perspective(selected.perspective) })}
            />
          </section>
          <section aria-labelledby="per-factor" className="team-section">
            <Heading2 id="per-factor">{t("results.perFactor", { perspective: format.perspective(selected.perspective) })}</Heading2>
            <Paragraph>{t("results.perFactorIntro")}</Paragraph>
            <Paragraph className="hint">
              {t("results.legend.dash", { threshold: results.threshold })} {t("results.legend.marker")}
              {notAllAsked && ` ${t("results.legend.notAsked")}`}
            </Paragraph>
            {tool.themes.map((theme, index) => (
              <div key={theme.id} className="factor-block">
                <Heading3 lang="nl">{t("common.themeTitle", { number: index + 1, title: theme.title })}</Heading3>
                <FactorTable theme={theme} number={index + 1} items={selected.items} dontKnow={allowsDontKnow(selected.perspective)} />
              </div>
            ))}
          </section>
        </>
      )}
      <Downloads roundId={roundId} />
    </>
  );
}
