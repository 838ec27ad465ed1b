import "./respond.css";
import { useState } from "react";
import { Link, Navigate } from "react-router";
import { minimumAnswers } from "../../../domain/teams/aggregation.ts";
import { MIN_ANONYMITY_THRESHOLD } from "../../../domain/teams/perspectives.ts";
import { checksApi } from "../../api/checks.ts";
import { ApiError } from "../../api/client.ts";
import { AppLink, ButtonRouterLink } from "../../app/links.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { Alert, Button, Heading2, Paragraph } from "../../app/utrecht.tsx";
import { answeredCount, useCheck, useSaveSnapshot } from "../CheckContext.ts";
import { useTranslation } from "../i18n.ts";
import { ProgressNav } from "../ProgressNav.tsx";
import { themeTitle, wordingOf } from "../theme/wording.ts";
import { checkPaths } from "./paths.ts";

/**
 * `/meedoen/antwoorden/:id/inleveren`: a respondent hands in the answers; from then on they count (anonymously) in the
 * team's results and are final. Handing in needs at least half of the factors the group is asked answered. Unsent
 * answers are saved first. Afterwards the respondent goes on to `…/klaar`.
 */
export function SubmitPage() {
  const { t } = useTranslation();
  const { id, tool, answers, round, submittedAt, submitted, queue } = useCheck();
  const { blocked } = useSaveSnapshot();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; tooFew?: boolean } | null>(null);
  const wording = wordingOf(round);
  const paths = checkPaths(id, Boolean(round));
  // The context's tool holds only the factors this group is asked.
  const { answered, total } = answeredCount(tool, answers);
  const minimum = minimumAnswers(tool, wording);
  const title = t("respond.submitPage.title");

  if (!round) {
    return (
      <div className="page-section">
        <PageHeading title={title}>{title}</PageHeading>
        <Paragraph>{t("respond.submitPage.notARound")}</Paragraph>
        <ButtonRouterLink to={paths.scores} appearance="primary">
          {t("respond.submitPage.toScores")}
        </ButtonRouterLink>
      </div>
    );
  }
  if (submittedAt) return <Navigate replace to={paths.done} />;

  const open = tool.themes
    .map((theme, index) => ({ theme, index, open: theme.items.filter((item) => answers[item.id] === undefined).length }))
    .filter((x) => x.open > 0);
  const firstOpen = open[0];

  async function submit() {
    if (busy) return;
    if (answered < minimum) {
      setError({ message: t(`respond.${wording}.tooFew`, { count: minimum - answered, minimum }), tooFew: true });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // The answers must be on the server before they are handed in.
      const saved = await queue.whenSaved(8000);
      if (!saved) {
        setError({ message: queue.getSnapshot().blocked?.error ?? t(`respond.${wording}.notSaved`) });
        setBusy(false);
        return;
      }
      const result = await checksApi.submit(id);
      // Handed in: this page moves on to the thanks page, whose heading takes focus (PageHeading, after a route change).
      submitted(result.submittedAt);
    } catch (e) {
      // 409: handed in already (through this link in this browser) or the round closed meanwhile; the server says which.
      if (e instanceof ApiError && e.status === 409) setError({ message: e.message });
      else
        setError({
          message:
            e instanceof ApiError && !e.transient ? `${e.message} ${t(`respond.${wording}.keptLocally`)}` : t(`respond.${wording}.network`),
        });
      setBusy(false);
    }
  }

  const closed = !round.acceptsAnswers || Boolean(blocked);
  return (
    <div className={`page-section respond respond--${wording}`}>
      <ProgressNav current={{ kind: "submit" }} />
      <PageHeading title={title}>{title}</PageHeading>
      {closed ? (
        <Alert type="warning">
          <Paragraph>{t(`respond.${wording}.closedBeforeSubmit`)}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph appearance="lead">{t(`respond.${wording}.submitIntro`, { round: round.name })}</Paragraph>
          <p className="respond__count">{t(`respond.${wording}.count`, { answered, total })}</p>
          <p className="respond__minimum">{t(`respond.${wording}.minimumCount`, { minimum })}</p>
          {open.length > 0 && (
            <section aria-labelledby="nog-open">
              <Heading2 id="nog-open">{t(`respond.${wording}.openTitle`)}</Heading2>
              <Paragraph>{t(`respond.${wording}.openIntro`, { minimum })}</Paragraph>
              <ul className="respond__open">
                {open.map(({ theme, index, open: count }) => (
                  <li key={theme.id}>
                    <Link to={paths.theme(theme.id)} className="utrecht-link utrecht-link--html-a">
                      {t("respond.submitPage.openTheme", { number: index + 1, title: themeTitle(theme, wording) })}
                    </Link>{" "}
                    ({t("respond.submitPage.openCount", { count })})
                  </li>
                ))}
              </ul>
            </section>
          )}
          <Paragraph>{t(`respond.${wording}.whatHappens`, { threshold: MIN_ANONYMITY_THRESHOLD })}</Paragraph>
          {error && (
            <Alert type="error" role="alert">
              <Paragraph>{error.message}</Paragraph>
              {error.tooFew && firstOpen && (
                <Paragraph>
                  <AppLink to={paths.theme(firstOpen.theme.id)}>
                    {t("respond.submitPage.firstOpen", { number: firstOpen.index + 1, title: themeTitle(firstOpen.theme, wording) })}
                  </AppLink>
                </Paragraph>
              )}
            </Alert>
          )}
          <div className="respond__action">
            <Button appearance="primary-action-button" busy={busy} onClick={() => void submit()}>
              {t(`respond.${wording}.submitButton`)}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
