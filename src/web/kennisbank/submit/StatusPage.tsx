import "../kennisbank.css";
import "./submit.css";
import { useLocation, useParams } from "react-router";
import { kennisbankApi, type SubmissionStatus } from "../../api/kennisbank.ts";
import { LoadError } from "../../app/LoadError.tsx";
import { Loading } from "../../app/Loading.tsx";
import { AppLink } from "../../app/links.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { useLoad } from "../../app/useLoad.ts";
import { Alert, Heading2, Paragraph } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";

function StatusView({ status }: { status: SubmissionStatus }) {
  const { t } = useTranslation();
  const { state } = useLocation() as { state: { submitted?: boolean } | null };
  const title = t(`submissionStatus.${status.status}.title`);
  return (
    <div className="page-section status-page">
      <PageHeading title={title}>{title}</PageHeading>
      {state?.submitted && status.status === "pending" && (
        <Alert type="ok" role="status">
          <Paragraph>{t("submissionStatus.received", { title: status.title })}</Paragraph>
        </Alert>
      )}
      <dl className="entry-facts">
        <div className="entry-facts__item">
          <dt className="entry-facts__key">{t("submissionStatus.project")}</dt>
          <dd className="entry-facts__value" lang="nl">
            {status.title}
          </dd>
        </div>
        <div className="entry-facts__item">
          <dt className="entry-facts__key">{t("submissionStatus.statusLabel")}</dt>
          <dd className="entry-facts__value">
            <span className={`status-badge status-badge--${status.status}`}>{t(`submissionStatus.${status.status}.badge`)}</span>
          </dd>
        </div>
      </dl>
      {status.status === "pending" && (
        <>
          <Paragraph>{t("submissionStatus.pending.stored")}</Paragraph>
          <Paragraph>{t("submissionStatus.pending.moderator")}</Paragraph>
        </>
      )}
      {status.status === "published" && (
        <Paragraph>
          {t("submissionStatus.published.text")}{" "}
          <AppLink to={`/kennisbank/${status.slug}`}>{t("submissionStatus.published.link", { title: status.title })}</AppLink>
        </Paragraph>
      )}
      {status.status === "rejected" && (
        <>
          <Paragraph>{t("submissionStatus.rejected.text")}</Paragraph>
          <section aria-labelledby="reden" className="status-page__reason">
            <Heading2 id="reden">{t("submissionStatus.rejected.reason")}</Heading2>
            <Paragraph lang="nl">{status.rejectionReason}</Paragraph>
          </section>
          <Paragraph>
            <AppLink to="/kennisbank/inzenden">{t("submissionStatus.rejected.again")}</AppLink>
          </Paragraph>
        </>
      )}
      <section aria-labelledby="bewaar-link" className="status-page__bookmark">
        <Heading2 id="bewaar-link">{t("submissionStatus.bookmark.title")}</Heading2>
        <Paragraph>{t("submissionStatus.bookmark.text")}</Paragraph>
        <p className="status-page__url">{window.location.href.split("#")[0]}</p>
      </section>
      <Paragraph>
        <AppLink to="/kennisbank">{t("submissionStatus.toKennisbank")}</AppLink>
      </Paragraph>
    </div>
  );
}

/** `/kennisbank/inzending/:token`: the submitter's page to follow a submission. */
export function StatusPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const load = useLoad((signal) => kennisbankApi.submissionStatus(token, signal), [token]);
  if (load.status === "loading") return <Loading />;
  if (load.status === "error") {
    const notFound = load.error.status === 404;
    const title = notFound ? t("submissionStatus.notFound.title") : t("submissionStatus.loadError");
    return (
      <div className="page-section">
        <PageHeading title={title}>{title}</PageHeading>
        {notFound ? <Paragraph>{t("submissionStatus.notFound.text")}</Paragraph> : <LoadError error={load.error} retry={load.retry} />}
        <Paragraph>
          <AppLink to="/kennisbank">{t("submissionStatus.toKennisbank")}</AppLink>
        </Paragraph>
      </div>
    );
  }
  return <StatusView status={load.data} />;
}
