import "./checks.css";
import { Button, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { Outlet, useParams } from "react-router";
import { Loading } from "../app/Loading.tsx";
import { ButtonRouterLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { CheckContext } from "./CheckContext.ts";
import { PersonalLink } from "./PersonalLink.tsx";
import { SaveStatus } from "./save/SaveStatus.tsx";
import { wordingOf } from "./theme/wording.ts";
import { useCheckData } from "./useCheckData.ts";

/** Every /check/:id page: loads the check once, then shows the page, the personal link and the save state. */
export function CheckLayout() {
  const { id = "" } = useParams();
  return <CheckScope key={id} id={id} />;
}

function CheckScope({ id }: { id: string }) {
  const { t } = useTranslation();
  const load = useCheckData(id);

  if (load.status === "loading") return <Loading />;
  if (load.status === "notFound") {
    return (
      <div className="page-section">
        <PageHeading title={t("check.notFound.title")}>{t("check.notFound.title")}</PageHeading>
        <Paragraph>{t("check.notFound.text")}</Paragraph>
        <Paragraph>
          <ButtonRouterLink to="/" appearance="primary">
            {t("check.notFound.startNew")}
          </ButtonRouterLink>
        </Paragraph>
      </div>
    );
  }
  if (load.status === "error") {
    return (
      <div className="page-section">
        <PageHeading title={t("check.loadError.title")}>{t("check.loadError.title")}</PageHeading>
        <Paragraph>{t("check.loadError.text")}</Paragraph>
        <Button appearance="primary-action-button" onClick={load.retry}>
          {t("check.loadError.retry")}
        </Button>
      </div>
    );
  }
  return (
    <CheckContext.Provider value={load.value}>
      <div className="check">
        <Outlet />
        {/* On a shared device the next person must not see (or copy) the previous person's link. */}
        {!load.value.round?.kiosk && <PersonalLink id={id} wording={load.value.round ? wordingOf(load.value.round) : undefined} />}
        <SaveStatus />
      </div>
    </CheckContext.Provider>
  );
}
