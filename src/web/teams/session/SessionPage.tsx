import "../teams.css";
import "./session.css";
import { useCallback, useEffect, useRef } from "react";
import { useParams, useSearchParams } from "react-router";
import type { EntryType } from "../../../domain/kennisbank/schema.ts";
import { getTool } from "../../api/checks.ts";
import { type SessionTheme, sessionsApi } from "../../api/sessions.ts";
import { TypeBadge } from "../../app/entries/TypeBadge.tsx";
import { LoadError } from "../../app/LoadError.tsx";
import { Loading } from "../../app/Loading.tsx";
import { AppLink, ButtonRouterLink } from "../../app/links.tsx";
import { Markdown } from "../../app/markdown/Markdown.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { NewActionForm } from "../../app/plan/NewActionForm.tsx";
import { PlanEditingContext } from "../../app/plan/PlanEditing.ts";
import { Frame, PageLoadError, RequireAccount } from "../../app/ui/Frame.tsx";
import { useLoad } from "../../app/useLoad.ts";
import { Button, Heading2, Heading3, Paragraph } from "../../app/utrecht.tsx";
import { useTeamPlan } from "../plan/useTeamPlan.ts";
import { RoundTabs } from "../round/RoundTabs.tsx";
import { useTranslation } from "./i18n.ts";
import { SessionGaps, SessionMirror, SessionQuestions } from "./SessionMirror.tsx";

/**
 * `/teams/:id/metingen/:roundId/sessie`: a coordinator steps the team through the round theme by theme (`?thema=N`),
 * with buttons or the arrow / Page Up / Page Down keys; `?weergave=projector` sets large type for a projector (wide
 * screens get it anyway). Agreed actions go straight into the team plan.
 */
export function SessionPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const projector = params.get("weergave") === "projector";
  return (
    <Frame wide className={`session-frame${projector ? " session--projector" : ""}`}>
      <RequireAccount title={t("session.titleFallback")}>
        <SessionView />
      </RequireAccount>
    </Frame>
  );
}

/** Keys that move through the themes, unless the user is typing or a control uses them itself. */
function stepOf(event: KeyboardEvent): -1 | 1 | 0 {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return 0;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])")) return 0;
  const arrow = event.key === "ArrowRight" || event.key === "ArrowLeft";
  // A focused table that scrolls sideways keeps its arrow keys.
  if (arrow && target?.closest(".team-scroll")) return 0;
  if (event.key === "ArrowRight" || event.key === "PageDown") return 1;
  if (event.key === "ArrowLeft" || event.key === "PageUp") return -1;
  return 0;
}

function SessionView() {
  const { t } = useTranslation();
  const { id: teamId = "", roundId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const load = useLoad(
    async (signal) => {
      const session = await sessionsApi.session(roundId, signal);
      return { session, tool: await getTool(session.round.toolId) };
    },
    [roundId],
  );
  const plan = useTeamPlan(teamId);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const total = load.status === "ready" ? load.data.session.themes.length : 0;
  const requested = Number.parseInt(params.get("thema") ?? "1", 10);
  const index = total === 0 ? 0 : Math.min(Math.max(Number.isNaN(requested) ? 1 : requested, 1), total) - 1;
  const projector = params.get("weergave") === "projector";

  const show = useCallback(
    (next: number) => {
      if (next < 0 || next >= total) return;
      moved.current = true;
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          updated.set("thema", String(next + 1));
          return updated;
        },
        { replace: true },
      );
    },
    [total, setParams],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const step = stepOf(event);
      if (step === 0 || total === 0) return;
      event.preventDefault();
      show(index + step);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [index, total, show]);

  // After moving to another theme, focus goes to its heading (the position is announced by the status line).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the shown theme changes
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    heading.current?.focus();
  }, [index]);

  if (load.status === "loading") return <Loading />;
  if (load.status === "error") return <PageLoadError title={t("session.titleFallback")} error={load.error} retry={load.retry} />;
  const { session, tool } = load.data;
  const theme = session.themes[index];
  const title = t("session.title", { name: session.round.name });
  if (!theme) return <PageHeading title={title}>{title}</PageHeading>;
  const number = index + 1;
  const base = `/teams/${teamId}/metingen/${roundId}`;

  function toggleProjector() {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (projector) updated.delete("weergave");
        else updated.set("weergave", "projector");
        return updated;
      },
      { replace: true },
    );
  }

  return (
    <div className="session">
      <AppLink to={`/teams/${teamId}`} className="back-link session__chrome">
        {t("round.back", { team: session.teamName })}
      </AppLink>
      <PageHeading title={title}>{title}</PageHeading>
      <div className="session__chrome">
        <RoundTabs teamId={teamId} roundId={roundId} />
        <Paragraph>{t("session.intro")}</Paragraph>
      </div>
      <div className="session__toolbar">
        <Button appearance="secondary-action-button" aria-pressed={projector} onClick={toggleProjector}>
          {t("session.projector")}
        </Button>
        <AppLink to={`${base}/sessie/verslag`}>{t("session.report")}</AppLink>
      </div>

      <nav aria-label={t("session.progress")} className="session__progress">
        <ol className="session__steps">
          {session.themes.map((item, i) => (
            <li key={item.id}>
              <button
                type="button"
                className={`session__step${i === index ? " session__step--current" : ""}${i < index ? " session__step--done" : ""}`}
                aria-current={i === index ? "step" : undefined}
                aria-label={t("session.goTo", { number: i + 1, title: item.title })}
                onClick={() => show(i)}
              >
                {i + 1}
              </button>
            </li>
          ))}
        </ol>
        <p className="session__position" role="status">
          {t("session.position", { number, total })}
        </p>
      </nav>

      <section aria-labelledby="sessie-thema" className="session__theme">
        <Heading2 id="sessie-thema" ref={heading} tabIndex={-1} className="session__theme-title">
          {t("session.themeHeading", { number, title: theme.title })}
        </Heading2>
        <div className="session__columns">
          <div className="session__column">
            <Heading3>{t("session.mirror.title")}</Heading3>
            <SessionMirror theme={theme} number={number} perspectives={session.perspectives} />
            <SessionGaps theme={theme} headingId="sessie-verschillen" />
          </div>
          <div className="session__column">
            <SessionQuestions theme={theme} headingId="sessie-vragen" />
            <SessionTips theme={theme} />
          </div>
        </div>

        <section aria-labelledby="sessie-afspraken" className="session-block session__actions">
          <Heading3 id="sessie-afspraken" className="session__actions-title">
            {t("session.actions.title")}
          </Heading3>
          {plan.status === "loading" && <Loading />}
          {plan.status === "error" && <LoadError error={plan.error} retry={plan.retry} />}
          {plan.status === "ready" && (
            <PlanEditingContext.Provider value={plan.editing}>
              <NewActionForm
                key={theme.id}
                themeId={theme.id}
                factors={tool.themes.find((x) => x.id === theme.id)?.items ?? []}
                initialFactor={theme.gaps[0]?.id ?? ""}
                intro={t("session.actions.intro")}
              />
              <Captured
                themeId={theme.id}
                actions={plan.editing.plan.actions}
                before={plan.loaded.actions.map((a) => a.id)}
                planPath={`/teams/${teamId}/plan/thema/${theme.id}`}
              />
            </PlanEditingContext.Provider>
          )}
        </section>
      </section>

      <div className="session__nav">
        <Button appearance="secondary-action-button" disabled={index === 0} onClick={() => show(index - 1)}>
          <span aria-hidden="true">←</span> {t("session.previous")}
        </Button>
        {index < total - 1 ? (
          <Button appearance="primary-action-button" onClick={() => show(index + 1)}>
            {t("session.next")} <span aria-hidden="true">→</span>
          </Button>
        ) : (
          <ButtonRouterLink to={`${base}/sessie/verslag`} appearance="primary">
            {t("session.toReport")}
          </ButtonRouterLink>
        )}
      </div>
      <Paragraph className="hint session__chrome">{t("session.keys")}</Paragraph>
    </div>
  );
}

/** The tips and kennisbank examples the session chose for this theme. */
function SessionTips({ theme }: { theme: SessionTheme }) {
  const { t } = useTranslation();
  return (
    <>
      {theme.tips.length > 0 && (
        <section aria-labelledby="sessie-tips" className="session-block">
          <Heading3 id="sessie-tips">{t("session.tips.title")}</Heading3>
          <ul className="session-tips">
            {theme.tips.map((tip) => (
              <li key={`${tip.factorId}-${tip.title}`} className="session-tips__item">
                <p className="session-tips__title">
                  <span className="factor-id">{tip.factorId}</span> <strong lang="nl">{tip.title}</strong>
                </p>
                <Markdown text={tip.text} headingLevel={4} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {theme.examples.length > 0 && (
        <section aria-labelledby="sessie-voorbeelden" className="session-block">
          <Heading3 id="sessie-voorbeelden">{t("session.examples.title")}</Heading3>
          <ul className="session-examples">
            {theme.examples.map((entry) => (
              <li key={entry.slug}>
                <TypeBadge type={entry.type as EntryType} /> <AppLink to={`/kennisbank/${entry.slug}`}>{entry.title}</AppLink>{" "}
                <span className="hint">{t("session.examples.factors", { ids: entry.factorIds.join(", ") })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The actions of this theme added while this page was open. */
function Captured({
  themeId,
  actions,
  before,
  planPath,
}: {
  themeId: string;
  actions: { id: string; themeId: string; what: string }[];
  before: string[];
  planPath: string;
}) {
  const { t } = useTranslation();
  const known = new Set(before);
  const captured = actions.filter((a) => a.themeId === themeId && !known.has(a.id));
  return (
    <div className="session-captured">
      {captured.length > 0 && (
        <>
          <p className="session-captured__title">
            <strong>{t("session.actions.captured")}</strong>
          </p>
          <ul className="session-captured__list">
            {captured.map((a) => (
              <li key={a.id} lang="nl">
                {a.what}
              </li>
            ))}
          </ul>
        </>
      )}
      <Paragraph>
        <AppLink to={planPath}>{t("session.actions.plan")}</AppLink>
      </Paragraph>
    </div>
  );
}
