import "./werkwijze.css";
import { useState } from "react";
import type { Tool } from "../../domain/content/schema.ts";
import { KENNISBANK_SOURCES } from "../../domain/kennisbank/schema.ts";
import type { Werkwijze } from "../../domain/werkwijze/schema.ts";
import { getMainTool } from "../api/checks.ts";
import { werkwijzeApi } from "../api/werkwijze.ts";
import { LoadError } from "../app/LoadError.tsx";
import { Loading } from "../app/Loading.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { useHashTarget } from "../app/useHashTarget.ts";
import { useLoad } from "../app/useLoad.ts";
import { Button, Heading2, Paragraph } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";
import { BasicMethod, PhaseStep, ToolboxSection } from "./WerkwijzeParts.tsx";

const wide = () => typeof window !== "undefined" && window.matchMedia?.("(min-width: 60em)").matches;

/** Table of contents with in-page anchors; open on a wide screen, folded on a phone. */
function Contents({ werkwijze }: { werkwijze: Werkwijze }) {
  const { t } = useTranslation();
  const [open] = useState(wide);
  const link = (anchor: string, label: string) => (
    <a className="utrecht-link utrecht-link--html-a" href={`#${anchor}`}>
      {label}
    </a>
  );
  const group = (anchor: string, label: string, parts: { id: string; title: string }[], prefix: string) => (
    <li>
      {link(anchor, label)}
      <ol>
        {parts.map((part) => (
          <li key={part.id} lang="nl">
            {link(`${prefix}-${part.id}`, part.title)}
          </li>
        ))}
      </ol>
    </li>
  );
  return (
    <nav className="werkwijze__toc" aria-labelledby="inhoud-titel">
      <details open={open}>
        <summary id="inhoud-titel" className="werkwijze__toc-title">
          {t("werkwijze.contents")}
        </summary>
        <ol className="werkwijze__toc-list">
          {group("fasen", t("werkwijze.phasesTitle"), werkwijze.phases, "fase")}
          {group("basismethodieken", t("werkwijze.methodsTitle"), werkwijze.basicMethods, "methode")}
          {group("toolbox", t("werkwijze.toolboxTitle"), werkwijze.toolbox, "toolbox")}
        </ol>
      </details>
    </nav>
  );
}

function WerkwijzeView({ werkwijze, tool }: { werkwijze: Werkwijze; tool: Tool | null }) {
  const { t } = useTranslation();
  useHashTarget(true);
  return (
    <div className="werkwijze">
      <header className="werkwijze__header">
        <PageHeading title={werkwijze.title}>
          <span lang="nl">{werkwijze.title}</span>
        </PageHeading>
        <Paragraph appearance="lead" lang="nl">
          {werkwijze.intro}
        </Paragraph>
        <Paragraph className="werkwijze__source">
          {t("werkwijze.source")}{" "}
          <span lang="nl">
            {KENNISBANK_SOURCES[werkwijze.source.document]} ({werkwijze.source.where})
          </span>
        </Paragraph>
        <Button appearance="secondary-action-button" className="werkwijze__print" onClick={() => window.print()}>
          {t("werkwijze.print")}
        </Button>
      </header>
      <div className="werkwijze__layout">
        <Contents werkwijze={werkwijze} />
        <div className="werkwijze__content">
          <section aria-labelledby="fasen" className="werkwijze__phases">
            <Heading2 id="fasen">{t("werkwijze.phasesTitle")}</Heading2>
            <Paragraph>{t("werkwijze.phasesIntro")}</Paragraph>
            <ol className="phase-list">
              {werkwijze.phases.map((phase, index) => (
                <PhaseStep key={phase.id} phase={phase} number={index + 1} tool={tool} />
              ))}
            </ol>
          </section>
          <section aria-labelledby="basismethodieken" className="werkwijze__methods">
            <Heading2 id="basismethodieken">{t("werkwijze.methodsTitle")}</Heading2>
            <Paragraph>{t("werkwijze.methodsIntro")}</Paragraph>
            {werkwijze.basicMethods.map((method) => (
              <BasicMethod key={method.id} method={method} tool={tool} />
            ))}
          </section>
          <section aria-labelledby="toolbox" className="werkwijze__toolbox">
            <Heading2 id="toolbox">{t("werkwijze.toolboxTitle")}</Heading2>
            <Paragraph>{t("werkwijze.toolboxIntro")}</Paragraph>
            {werkwijze.toolbox.map((part) => (
              <ToolboxSection key={part.id} part={part} tool={tool} />
            ))}
          </section>
        </div>
      </div>
    </div>
  );
}

/** `/werkwijze`: the consultants' working method as a printable guide linked to the factors. */
export function WerkwijzePage() {
  const { t } = useTranslation();
  const werkwijze = useLoad((signal) => werkwijzeApi.get(signal), []);
  const tool = useLoad(() => getMainTool(), []);
  if (werkwijze.status === "loading") return <Loading fillScreen />;
  if (werkwijze.status === "error") {
    return (
      <div className="page-section">
        <PageHeading title={t("werkwijze.loadError")}>{t("werkwijze.loadError")}</PageHeading>
        <LoadError error={werkwijze.error} retry={werkwijze.retry} />
      </div>
    );
  }
  return <WerkwijzeView werkwijze={werkwijze.data} tool={tool.status === "ready" ? tool.data : null} />;
}
