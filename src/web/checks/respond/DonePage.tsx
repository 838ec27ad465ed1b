import "./respond.css";
import { Navigate } from "react-router";
import { formatScore } from "../../../domain/checks/format.ts";
import { MIN_ANONYMITY_THRESHOLD } from "../../../domain/teams/perspectives.ts";
import { useTeamFormat } from "../../app/format.ts";
import { Loading } from "../../app/Loading.tsx";
import { ButtonRouterLink } from "../../app/links.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { Alert, Button, Heading2, Paragraph } from "../../app/utrecht.tsx";
import { useCheck } from "../CheckContext.ts";
import { useTranslation } from "../i18n.ts";
import { useResults } from "../results/useResults.ts";
import { themeTitle, wordingOf } from "../theme/wording.ts";
import { checkPaths } from "./paths.ts";
import { YouthMessage } from "./YouthMessage.tsx";

/**
 * `/meedoen/antwoorden/:id/klaar`, after handing in: thanks, and what happens next (results per group once enough
 * people answered, in steps; the team discusses them). Young people also see their own score per theme and, once the
 * round closed, the team's message to them; professionals may go on to their own scores and tips. On a shared device
 * (kiosk) nothing of this person's answers is shown: the next person starts afresh.
 */
export function DonePage() {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const { id, round, submittedAt } = useCheck();
  const wording = wordingOf(round);
  const paths = checkPaths(id, Boolean(round));

  if (!round) return <Navigate replace to={paths.scores} />;
  if (!submittedAt) return <Navigate replace to={paths.submit} />;

  const title = round.kiosk ? t(`respond.${wording}.kioskThanks`) : t(`respond.${wording}.thanks`);
  return (
    <div className={`page-section respond respond--${wording}`}>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph appearance="lead">{t(`respond.${wording}.submittedAt`, { date: format.date(submittedAt), round: round.name })}</Paragraph>
      <Paragraph>{t(`respond.${wording}.final`)}</Paragraph>
      {round.kiosk && round.invitePath && (
        <div className="respond__action">
          <ButtonRouterLink to={round.invitePath} replace appearance="primary">
            {t("respond.nextParticipant")}
          </ButtonRouterLink>
        </div>
      )}
      {round.youthMessage && <YouthMessage message={round.youthMessage} />}
      {wording === "youth" && !round.kiosk && <YouthScores />}
      <section aria-labelledby="wat-gebeurt-er-nu">
        <Heading2 id="wat-gebeurt-er-nu">{t(`respond.${wording}.nextTitle`)}</Heading2>
        <ol className="respond__steps">
          <li>{t(`respond.${wording}.nextGroups`, { threshold: MIN_ANONYMITY_THRESHOLD })}</li>
          <li>{t(`respond.${wording}.nextSteps`, { threshold: MIN_ANONYMITY_THRESHOLD })}</li>
          <li>{t(`respond.${wording}.nextTeam`)}</li>
        </ol>
      </section>
      {wording === "professional" && !round.kiosk && (
        <div className="button-row respond__action">
          <ButtonRouterLink to={paths.scores} appearance="primary">
            {t("respond.submitPage.toScores")}
          </ButtonRouterLink>
          <ButtonRouterLink to={paths.tips} appearance="secondary">
            {t("respond.submitPage.toTips")}
          </ButtonRouterLink>
        </div>
      )}
    </div>
  );
}

/** A young person's own score per theme, in the themes' youth titles: no tips, no "aandachtspunten". */
function YouthScores() {
  const { t } = useTranslation();
  const { tool } = useCheck();
  const load = useResults();
  const scores = new Map(load.results?.themes.map((theme) => [theme.id, theme.score]) ?? []);
  return (
    <section aria-labelledby="jouw-cijfers">
      <Heading2 id="jouw-cijfers">{t("respond.youth.scoresTitle")}</Heading2>
      <Paragraph>{t("respond.youth.scoresIntro")}</Paragraph>
      {load.failed ? (
        <Alert type="error" role="alert">
          <Paragraph>{t("respond.youth.scoresError")}</Paragraph>
          <Button appearance="secondary-action-button" onClick={load.retry}>
            {t("respond.youth.scoresRetry")}
          </Button>
        </Alert>
      ) : !load.results ? (
        <Loading />
      ) : (
        <table className="respond__scores">
          <caption className="visually-hidden">{t("respond.youth.scoresCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("respond.youth.scoresTheme")}</th>
              <th scope="col">{t("respond.youth.scoresScore")}</th>
            </tr>
          </thead>
          <tbody>
            {tool.themes.map((theme) => {
              const score = scores.get(theme.id);
              return (
                <tr key={theme.id}>
                  <th scope="row" lang="nl">
                    {themeTitle(theme, "youth")}
                  </th>
                  <td>{score === null || score === undefined ? t("respond.youth.noScore") : formatScore(score)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
