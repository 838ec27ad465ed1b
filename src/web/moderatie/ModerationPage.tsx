import "./moderatie.css";
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { getMainTool } from "../api/checks.ts";
import { ApiError } from "../api/client.ts";
import { type EntryStatus, kennisbankApi } from "../api/kennisbank.ts";
import { SignInForm } from "../app/auth/SignInForm.tsx";
import { refreshSession, signOut, useSession } from "../app/auth/session.ts";
import { LoadError } from "../app/LoadError.tsx";
import { Loading } from "../app/Loading.tsx";
import { AppLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { useLoad } from "../app/useLoad.ts";
import { Button, Heading2, Paragraph } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";
import { type Decision, SubmissionCard } from "./SubmissionCard.tsx";

const STATUSES: EntryStatus[] = ["pending", "rejected", "published"];

function SignedInAs({ email }: { email: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <div className="moderation__account">
      <Paragraph>{t("moderation.signedInAs", { email })}</Paragraph>
      <Button
        appearance="secondary-action-button"
        busy={busy}
        onClick={() => {
          setBusy(true);
          // Signed out, the page shows the sign-in form; when that failed, the session says who is still signed in.
          signOut().catch(() => refreshSession());
        }}
      >
        {t("moderation.signOut")}
      </Button>
    </div>
  );
}

/** The submissions of one status; after a decision a confirmation takes focus and the list reloads. */
function Submissions() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const status = (STATUSES as string[]).includes(params.get("status") ?? "") ? (params.get("status") as EntryStatus) : "pending";
  const list = useLoad((signal) => kennisbankApi.submissions(status, signal), [status]);
  const tool = useLoad(() => getMainTool(), []);
  const [done, setDone] = useState<Decision | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (done) confirmation.current?.focus();
  }, [done]);

  function decided(decision: Decision) {
    kennisbankApi.forgetByFactor();
    setDone(decision);
    list.retry();
  }

  return (
    <>
      <nav className="moderation__tabs" aria-label={t("moderation.statusNav")}>
        <ul>
          {STATUSES.map((value) => (
            <li key={value}>
              <Link
                to={value === "pending" ? "?" : `?status=${value}`}
                className={`moderation__tab${value === status ? " moderation__tab--current" : ""}`}
                aria-current={value === status ? "page" : undefined}
                onClick={() => setDone(null)}
              >
                {t(`moderation.status.${value}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div
        ref={confirmation}
        tabIndex={-1}
        role="status"
        className={done ? "moderation__done utrecht-alert utrecht-alert--ok" : "moderation__done--empty"}
      >
        {done && (
          <Paragraph>
            {t(done.decision === "approve" ? "moderation.approved" : "moderation.rejected", { title: done.title })}{" "}
            {done.decision === "approve" && <AppLink to={`/kennisbank/${done.slug}`}>{t("moderation.viewEntry")}</AppLink>}
          </Paragraph>
        )}
      </div>
      <section aria-labelledby="inzendingen-titel" aria-busy={list.busy}>
        <Heading2 id="inzendingen-titel">
          {t(`moderation.status.${status}`)}
          {list.status === "ready" && ` (${list.data.length})`}
        </Heading2>
        {list.status === "loading" && <Loading />}
        {list.status === "error" && <LoadError error={list.error} retry={list.retry} />}
        {list.status === "ready" && list.data.length === 0 && <Paragraph>{t(`moderation.empty.${status}`)}</Paragraph>}
        {list.status === "ready" &&
          list.data.map((entry) => (
            <SubmissionCard
              key={`${entry.slug}-${entry.status}`}
              entry={entry}
              tool={tool.status === "ready" ? tool.data : null}
              onDecided={decided}
            />
          ))}
      </section>
    </>
  );
}

/** `/moderatie`: moderators sign in, review pending submissions and approve or reject them. */
export function ModerationPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <div className="page-section moderation">
      <PageHeading title={t("moderation.title")}>{t("moderation.title")}</PageHeading>
      {session.status === "loading" && <Loading />}
      {session.status === "error" && <LoadError error={new ApiError(0, t("errors.network"))} retry={() => void refreshSession()} />}
      {session.status === "ready" && !session.user && (
        <>
          <Paragraph>{t("moderation.signInIntro")}</Paragraph>
          <section className="sign-in" aria-labelledby="inloggen-titel">
            <Heading2 id="inloggen-titel" className="sign-in__title">
              {t("moderation.signIn.title")}
            </Heading2>
            <SignInForm onSignedIn={() => undefined} />
          </section>
        </>
      )}
      {session.status === "ready" && session.user && !session.moderator && (
        <>
          <Paragraph>{t("moderation.notModerator", { email: session.user.email })}</Paragraph>
          <SignedInAs email={session.user.email} />
        </>
      )}
      {session.status === "ready" && session.user && session.moderator && (
        <>
          <SignedInAs email={session.user.email} />
          <Submissions />
        </>
      )}
    </div>
  );
}
