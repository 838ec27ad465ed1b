import "../teams.css";
import "../session/session.css";
import { useParams } from "react-router";
import { sessionsApi } from "../../api/sessions.ts";
import { type Perspective, useTeamFormat } from "../../app/format.ts";
import { Loading } from "../../app/Loading.tsx";
import { AppLink } from "../../app/links.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { Frame, PageLoadError, RequireAccount } from "../../app/ui/Frame.tsx";
import { useLoad } from "../../app/useLoad.ts";
import { Button, Heading2, Paragraph } from "../../app/utrecht.tsx";
import { RoundTabs } from "../round/RoundTabs.tsx";
import { useTranslation } from "../session/i18n.ts";

/**
 * `/teams/:id/metingen/:roundId/agenda`: the intervisie agenda on one page — lowest scores, largest gaps, actions due —
 * to print or download as PDF. The server chooses (domain/teams/agenda.ts); the page only shows.
 */
export function AgendaPage() {
  const { t } = useTranslation();
  return (
    <Frame wide className="agenda-page">
      <RequireAccount title={t("agenda.titleFallback")}>
        <AgendaView />
      </RequireAccount>
    </Frame>
  );
}

function AgendaView() {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const { id: teamId = "", roundId = "" } = useParams();
  const load = useLoad((signal) => sessionsApi.agenda(roundId, signal), [roundId]);
  if (load.status === "loading") return <Loading />;
  if (load.status === "error") return <PageLoadError title={t("agenda.titleFallback")} error={load.error} retry={load.retry} />;
  const agenda = load.data;
  const title = t("agenda.title", { name: agenda.round.name });
  const hidden = agenda.perspectives.filter((p) => !p.visible).map((p) => format.perspective(p.perspective).toLowerCase());
  const means = (m: Partial<Record<Perspective, number>>) =>
    (Object.entries(m) as [Perspective, number][])
      .sort((a, b) => b[1] - a[1])
      .map(([p, mean]) => `${format.perspective(p)} ${format.score(mean)}`)
      .join(" · ");
  return (
    <>
      <AppLink to={`/teams/${teamId}`} className="back-link no-print">
        {t("round.back", { team: agenda.teamName })}
      </AppLink>
      <PageHeading title={title}>{title}</PageHeading>
      <div className="no-print">
        <RoundTabs teamId={teamId} roundId={roundId} />
      </div>
      <Paragraph>{t("agenda.made", { team: agenda.teamName, date: format.date(agenda.today) })}</Paragraph>
      <Paragraph>{t("agenda.intro", { threshold: agenda.threshold })}</Paragraph>
      {hidden.length > 0 && <Paragraph className="hint">{t("agenda.hidden", { groups: hidden.join(", ") })}</Paragraph>}
      <div className="button-row no-print">
        <Button appearance="primary-action-button" onClick={() => window.print()}>
          {t("agenda.print")}
        </Button>
        <a href={sessionsApi.agendaPdf(roundId)} download className="utrecht-link utrecht-link--html-a">
          {t("agenda.pdf")}
        </a>
      </div>

      <section aria-labelledby="agenda-laagste" className="agenda-section">
        <Heading2 id="agenda-laagste">1. {t("agenda.lowest.title")}</Heading2>
        <Paragraph className="hint">{t("agenda.lowest.intro", { count: agenda.limits.lowest })}</Paragraph>
        {agenda.lowest.length === 0 ? (
          <Paragraph>{t("agenda.lowest.none")}</Paragraph>
        ) : (
          <ol className="agenda-list">
            {agenda.lowest.map((f) => (
              <li key={f.id}>
                <span className="factor-id">{f.id}</span> <span lang="nl">{f.text}</span>{" "}
                <strong className="agenda-list__figure">
                  {t("agenda.lowest.item", { group: format.perspective(f.perspective), mean: format.score(f.mean) })}
                </strong>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="agenda-verschillen" className="agenda-section">
        <Heading2 id="agenda-verschillen">2. {t("agenda.gaps.title")}</Heading2>
        <Paragraph className="hint">{t("agenda.gaps.intro", { count: agenda.limits.gaps })}</Paragraph>
        {agenda.gaps.length === 0 ? (
          <Paragraph>{t("agenda.gaps.none")}</Paragraph>
        ) : (
          <ol className="agenda-list">
            {agenda.gaps.map((g) => (
              <li key={g.id}>
                <span className="factor-id">{g.id}</span> <span lang="nl">{g.text}</span>{" "}
                <span className="agenda-list__figure">
                  {means(g.means)} — <strong>{t("agenda.gaps.gap", { gap: format.score(g.gap) })}</strong>
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="agenda-acties" className="agenda-section">
        <Heading2 id="agenda-acties">3. {t("agenda.actions.title")}</Heading2>
        <Paragraph className="hint">{t("agenda.actions.intro", { date: format.date(agenda.dueUntil) })}</Paragraph>
        {agenda.actions.length === 0 ? (
          <Paragraph>{t("agenda.actions.none")}</Paragraph>
        ) : (
          <ol className="agenda-list">
            {agenda.actions.map((a) => (
              <li key={a.id}>
                <span lang="nl">{a.what}</span>
                {(a.ownerName || a.who) && <span> — {a.ownerName ?? a.who}</span>}
                {a.when && <span className="agenda-list__figure"> — {t("agenda.actions.when", { when: format.date(a.when) })}</span>}
                {a.overdue && <strong className="agenda-list__overdue"> ({t("agenda.actions.overdue")})</strong>}
              </li>
            ))}
          </ol>
        )}
        {agenda.moreActions > 0 && <Paragraph>{t("agenda.actions.more", { count: agenda.moreActions })}</Paragraph>}
      </section>

      <section aria-labelledby="agenda-aantekeningen" className="agenda-section agenda-notes">
        <Heading2 id="agenda-aantekeningen">{t("agenda.notes")}</Heading2>
      </section>
    </>
  );
}
