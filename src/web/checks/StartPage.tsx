import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import type { Tool } from "../../domain/content/schema.ts";
import { checksApi, getTool, TOOL_ID } from "../api/checks.ts";
import { ApiError } from "../api/client.ts";
import { Loading } from "../app/Loading.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { Alert, Button, Heading2, OrderedList, OrderedListItem, Paragraph, UnorderedList, UnorderedListItem } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";
import { OpenCheckForm, RememberedChecks, useRememberedChecks } from "./RecoverCheck.tsx";
import { rememberCheck } from "./remembered.ts";

/**
 * `/`: what the tool is, for whom, how it works and what happens with the answers; the checks this browser remembers
 * and a field to open a check by its link.
 */
export function StartPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // undefined while the tool loads, null when it could not be loaded (the page then shows without its intro).
  const [tool, setTool] = useState<Tool | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remembered = useRememberedChecks();

  useEffect(() => {
    getTool(TOOL_ID).then(setTool, () => setTool(null));
  }, []);

  async function start() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { id } = await checksApi.create(TOOL_ID);
      rememberCheck(id);
      const first = (tool ?? (await getTool(TOOL_ID))).themes[0]?.id ?? "1";
      navigate(`/check/${id}/thema/${first}`, { state: { created: true } });
    } catch (e) {
      setError(e instanceof ApiError && e.status !== 0 ? e.message : t("errors.network"));
      setBusy(false);
    }
  }

  const steps = ["check", "scores", "plan"] as const;
  // The intro comes with the tool and stands above the rest, as do the remembered checks: shown later, they would push
  // the rest down (a layout shift).
  if (tool === undefined || remembered === undefined) {
    return (
      <div className="page-section start">
        <PageHeading title={t("app.name")}>{t("app.name")}</PageHeading>
        <Loading fillScreen />
      </div>
    );
  }
  return (
    <div className="page-section start">
      <PageHeading title={t("app.name")}>{t("app.name")}</PageHeading>
      {tool && (
        <Paragraph appearance="lead" lang="nl">
          {tool.intro}
        </Paragraph>
      )}

      <RememberedChecks checks={remembered} />

      {tool && (
        <section aria-labelledby="voor-wie">
          <Heading2 id="voor-wie">{t("start.audienceTitle")}</Heading2>
          <Paragraph lang="nl">{tool.audience}</Paragraph>
        </section>
      )}

      <section aria-labelledby="zo-werkt-het">
        <Heading2 id="zo-werkt-het">{t("start.stepsTitle")}</Heading2>
        <OrderedList className="start__steps">
          {steps.map((step) => (
            <OrderedListItem key={step}>
              <strong>{t(`start.steps.${step}.title`)}</strong>
              <br />
              {t(`start.steps.${step}.text`)}
            </OrderedListItem>
          ))}
        </OrderedList>
      </section>

      <section aria-labelledby="goed-om-te-weten">
        <Heading2 id="goed-om-te-weten">{t("start.factsTitle")}</Heading2>
        <UnorderedList>
          <UnorderedListItem>{t("start.facts.duration")}</UnorderedListItem>
          <UnorderedListItem>{t("start.facts.noAccount")}</UnorderedListItem>
          <UnorderedListItem>{t("start.facts.secretLink")}</UnorderedListItem>
          <UnorderedListItem>{t("start.facts.notShared")}</UnorderedListItem>
        </UnorderedList>
      </section>

      {error && (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      <div className="start__action">
        <Button appearance="primary-action-button" busy={busy} onClick={() => void start()}>
          {busy ? t("start.starting") : t("start.button")}
        </Button>
      </div>
      <OpenCheckForm />
    </div>
  );
}
