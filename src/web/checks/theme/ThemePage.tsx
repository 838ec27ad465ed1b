import "./theme.css";
import { useLocation, useParams } from "react-router";
import { ButtonRouterLink } from "../../app/links.tsx";
import { NotFoundPage } from "../../app/NotFoundPage.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { Alert, Heading2, Paragraph } from "../../app/utrecht.tsx";
import { useCheck, useSaveSnapshot } from "../CheckContext.ts";
import { useTranslation } from "../i18n.ts";
import { ProgressNav } from "../ProgressNav.tsx";
import { checkPaths } from "../respond/paths.ts";
import { FactorQuestion } from "./FactorQuestion.tsx";
import { themeIntro, themeQuestion, themeTitle, wordingOf } from "./wording.ts";

/**
 * `/check/:id/thema/:themeId` (a personal check) or `/meedoen/antwoorden/:id/:themeId` (a respondent in a round): the
 * factors of one theme. A respondent reads the theme in their group's words, without factor numbers, and sees only the
 * factors their group is asked.
 */
export function ThemePage() {
  const { t } = useTranslation();
  const { themeId } = useParams();
  const { state } = useLocation() as { state: { created?: boolean } | null };
  const { id, tool, answers, setAnswer, round, submittedAt } = useCheck();
  const { problems, blocked } = useSaveSnapshot();
  const wording = wordingOf(round);
  const paths = checkPaths(id, Boolean(round));
  // A closed round or a handed-in response takes no answers: show them, but do not let them change (they would be refused).
  const handedIn = Boolean(round && submittedAt);
  const closed = Boolean(round && (!round.acceptsAnswers || blocked || submittedAt));
  const index = tool.themes.findIndex((theme) => theme.id === themeId);
  const theme = tool.themes[index];
  if (!theme) return <NotFoundPage />;

  const previous = tool.themes[index - 1];
  const next = tool.themes[index + 1];
  const step = t("theme.step", { number: index + 1, total: tool.themes.length });
  const title = themeTitle(theme, wording);
  const questionId = `vraag-${theme.id}`;

  return (
    <div className="page-section theme-page">
      <ProgressNav current={{ kind: "theme", themeId: theme.id }} />
      <PageHeading title={`${step}: ${title}`}>
        {step}: <span lang="nl">{title}</span>
      </PageHeading>
      {/* On a shared device there is no own link to keep. */}
      {state?.created && !round?.kiosk && (
        <Alert type="info">
          <Paragraph>
            {round ? t(`respond.${wording}.created`) : t("theme.created")}{" "}
            <button type="button" className="link-button" onClick={() => document.getElementById("persoonlijke-link-url")?.focus()}>
              {round ? t(`respond.${wording}.toLink`) : t("theme.createdLink")}
            </button>
          </Paragraph>
        </Alert>
      )}
      {closed && (
        <Alert type="warning">
          <Paragraph>{t(handedIn ? `respond.${wording}.final` : `respond.${wording}.closedWhileAnswering`)}</Paragraph>
        </Alert>
      )}
      <Paragraph lang="nl" className="theme-page__intro">
        {themeIntro(theme, wording)}
      </Paragraph>
      <section aria-labelledby={questionId}>
        <Heading2 id={questionId} lang="nl" className="theme-page__question">
          {themeQuestion(theme, wording)}
        </Heading2>
        <Paragraph className="theme-page__hint">{round ? t(`respond.${wording}.hint`) : t("theme.hint")}</Paragraph>
        {theme.items.map((item) => (
          <FactorQuestion
            key={item.id}
            theme={theme}
            item={item}
            value={answers[item.id]}
            problem={problems[`answer:${item.id}`]?.error}
            wording={wording}
            showNumber={!round}
            disabled={closed}
            onChange={(value) => setAnswer(item.id, value)}
          />
        ))}
      </section>
      <nav className="pager" aria-label={t("theme.pagerLabel")}>
        {previous ? (
          <ButtonRouterLink to={paths.theme(previous.id)} appearance="secondary" className="pager__previous">
            {t("theme.previous")}
          </ButtonRouterLink>
        ) : (
          <span />
        )}
        {next ? (
          <ButtonRouterLink to={paths.theme(next.id)} appearance="primary" className="pager__next">
            {t("theme.next")}
          </ButtonRouterLink>
        ) : round ? (
          <ButtonRouterLink to={submittedAt ? paths.done : paths.submit} appearance="primary" className="pager__next">
            {submittedAt ? t("respond.toDone") : t("respond.toSubmit")}
          </ButtonRouterLink>
        ) : (
          <ButtonRouterLink to={paths.scores} appearance="primary" className="pager__next">
            {t("theme.toResults")}
          </ButtonRouterLink>
        )}
      </nav>
    </div>
  );
}
