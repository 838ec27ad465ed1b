import "./respond/respond.css";
import "./checks.css";
import { useMemo } from "react";
import { Navigate, Outlet, useLocation, useParams } from "react-router";
import { Loading } from "../app/Loading.tsx";
import { ButtonRouterLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { SaveStatus } from "../app/save/SaveStatus.tsx";
import { Button, Paragraph } from "../app/utrecht.tsx";
import { CheckContext, type CheckContextValue } from "./CheckContext.ts";
import { useTranslation } from "./i18n.ts";
import { PersonalLink } from "./PersonalLink.tsx";
import { toCheckPath, toRespondPath } from "./respond/paths.ts";
import { askedTool, wordingOf } from "./theme/wording.ts";
import { useCheckData } from "./useCheckData.ts";

/**
 * Where a check is shown: "check" for a personal check (/check/:id, in the app), "respond" for a respondent's answers in a
 * team's measurement round (/meedoen/antwoorden/:id, pages of their own). A check opened at the other place moves there.
 */
export type CheckVariant = "check" | "respond";

/** Every check page: loads the check once, then shows the page, the personal link and the save state. */
export function CheckLayout({ variant = "check" }: { variant?: CheckVariant }) {
  const { id = "" } = useParams();
  return <CheckScope key={id} id={id} variant={variant} />;
}

function CheckScope({ id, variant }: { id: string; variant: CheckVariant }) {
  const { t } = useTranslation();
  const load = useCheckData(id);
  const location = useLocation();
  const loaded = load.status === "ready" ? load.value : null;
  const wording = wordingOf(loaded?.round ?? null);
  const loadedTool = loaded?.tool;
  // A group is asked only the factors it can observe: every page, count and step sees just those.
  const tool = useMemo(() => (loadedTool ? askedTool(loadedTool, wording) : null), [loadedTool, wording]);
  const value = useMemo<CheckContextValue | null>(() => (loaded && tool ? { ...loaded, tool } : null), [loaded, tool]);

  if (load.status === "loading") return <Loading fillScreen />;
  if (load.status === "notFound") {
    const title = variant === "respond" ? t("respond.load.notFoundTitle") : t("check.notFound.title");
    return (
      <div className="page-section">
        <PageHeading title={title}>{title}</PageHeading>
        <Paragraph>{variant === "respond" ? t("respond.load.notFound") : t("check.notFound.text")}</Paragraph>
        {variant === "check" && (
          <Paragraph>
            <ButtonRouterLink to="/" appearance="primary">
              {t("check.notFound.startNew")}
            </ButtonRouterLink>
          </Paragraph>
        )}
      </div>
    );
  }
  if (load.status === "error" || !value) {
    const title = variant === "respond" ? t("respond.load.errorTitle") : t("check.loadError.title");
    return (
      <div className="page-section">
        <PageHeading title={title}>{title}</PageHeading>
        <Paragraph>{variant === "respond" ? t("respond.load.error") : t("check.loadError.text")}</Paragraph>
        {load.status === "error" && (
          <Button appearance="primary-action-button" onClick={load.retry}>
            {t("check.loadError.retry")}
          </Button>
        )}
      </div>
    );
  }

  const { round, submittedAt } = value;
  // A respondent answers on pages of their own; a personal check stays in the app.
  if (variant === "check" && round) {
    return <Navigate replace to={{ pathname: toRespondPath(id, location.pathname), hash: location.hash }} state={location.state} />;
  }
  if (variant === "respond" && !round) {
    return <Navigate replace to={{ pathname: toCheckPath(id, location.pathname), hash: location.hash }} state={location.state} />;
  }
  // On a shared device the next person must not see (or copy) the previous person's link. Employers and ketenpartners
  // have nothing to come back to once they handed in.
  const showLink = round ? !round.kiosk && (!submittedAt || wording === "youth" || wording === "professional") : true;
  return (
    <CheckContext.Provider value={value}>
      <div className="check">
        <Outlet />
        {showLink && <PersonalLink id={id} wording={round ? wording : undefined} />}
        <SaveStatus queue={value.queue} keptLocallyText={round ? t(`respond.${wording}.keptLocally`) : undefined} />
      </div>
    </CheckContext.Provider>
  );
}
