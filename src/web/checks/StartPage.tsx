import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import type { Tool } from "../../domain/content/schema.ts";
import { checksApi, getTool, getTools, type ToolSummary } from "../api/checks.ts";
import { ApiError } from "../api/client.ts";
import { Loading } from "../app/Loading.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import {
  Alert,
  Button,
  Heading2,
  Heading3,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";
import { OpenCheckForm, RememberedChecks, useRememberedChecks } from "./RecoverCheck.tsx";
import { rememberCheck } from "./remembered.ts";

/**
 * `/`: what the main tool (content/tools, `default: true`) is, for whom, how it works and what happens with the answers;
 * the other tools, each with its own start button; the checks this browser remembers and a field to open a check by
 * its link.
 */
export function StartPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // undefined while the tool loads, null when it could not be loaded (the page then shows without its intro).
  const [tool, setTool] = useState<Tool | null | undefined>(undefined);
  // The other tools of content/tools/ (the main one is first in the list).
  const [others, setOthers] = useState<ToolSummary[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remembered = useRememberedChecks();

  useEffect(() => {
    getTools()
      .then((list) => {
        const [main, ...rest] = list;
        setOthers(rest);
        return main ? getTool(main.id) : null;
      })
      .then(setTool, () => setTool(null));
  }, []);

  async function start(toolId: string) {
    if (busy) return;
    setBusy(toolId);
    setError(null);
    try {
      const { id } = await checksApi.create(toolId);
      rememberCheck(id);
      const first = (await getTool(toolId)).themes[0]?.id ?? "1";
      navigate(`/check/${id}/thema/${first}`, { state: { created: true } });
    } catch (e) {
      setError(e instanceof ApiError && e.status !== 0 ? e.message : t("errors.network"));
      setBusy(null);
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
      {tool && (
        <div className="start__action">
          <Button appearance="primary-action-button" busy={busy === tool.id} onClick={() => void start(tool.id)}>
            {busy === tool.id ? t("start.starting") : t("start.button")}
          </Button>
        </div>
      )}
      {others.length > 0 && (
        <section aria-labelledby="andere-tools" className="start__others">
          <Heading2 id="andere-tools">{t("start.othersTitle")}</Heading2>
          {others.map((other) => (
            <article key={other.id} aria-labelledby={`tool-${other.id}`}>
              <Heading3 id={`tool-${other.id}`} lang="nl">
                {other.title}
              </Heading3>
              <Paragraph lang="nl">{other.intro}</Paragraph>
              <Button appearance="secondary-action-button" busy={busy === other.id} onClick={() => void start(other.id)}>
                {busy === other.id ? t("start.starting") : t("start.startOther", { title: other.title })}
              </Button>
            </article>
          ))}
        </section>
      )}
      <OpenCheckForm />
    </div>
  );
}
