import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import type { Tool } from "../../domain/content/schema.ts";
import { moderationSchema } from "../../domain/kennisbank/submission.ts";
import { ApiError } from "../api/client.ts";
import { type KennisbankEntry, kennisbankApi } from "../api/kennisbank.ts";
import { TypeBadge } from "../app/entries/TypeBadge.tsx";
import { factorIndex } from "../app/factors/factorIndex.ts";
import { useErrorMessage } from "../app/LoadError.tsx";
import { AppLink } from "../app/links.tsx";
import { Markdown } from "../app/markdown/Markdown.tsx";
import { Button, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading3, Textarea } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";
import "../app/zod.ts";

export type Decision = { slug: string; title: string; decision: "approve" | "reject" };

const list = (items: string[]) =>
  items.length > 0 ? (
    <ul className="moderation-card__list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  ) : null;

const themeLabel = (tool: Tool | null, id: string) => {
  const index = tool?.themes.findIndex((theme) => theme.id === id) ?? -1;
  return tool && index >= 0 ? `${index + 1}. ${tool.themes[index]?.title}` : id;
};
const factorLabel = (tool: Tool | null, id: string) => {
  const text = tool ? factorIndex(tool).get(id)?.item.text : undefined;
  return text ? `${id} ${text}` : id;
};

/** One submission with every field readable and, while pending, "Goedkeuren" and "Afwijzen" (with a reason). */
type Props = { entry: KennisbankEntry; tool: Tool | null; onDecided: (decision: Decision) => void };

export function SubmissionCard({ entry, tool, onDecided }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const headingId = useId();
  const reasonId = useId();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<{ reason?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const rejectButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);

  // Opening the reject form moves focus into it; cancelling moves it back to "Afwijzen".
  useEffect(() => {
    if (rejecting) reasonBox.current?.focus();
    else if (opened.current) rejectButton.current?.focus();
    opened.current = rejecting || opened.current;
  }, [rejecting]);

  async function decide(decision: "approve" | "reject") {
    const parsed = moderationSchema.safeParse(decision === "approve" ? { decision } : { decision, reason });
    if (!parsed.success) {
      setError({ reason: parsed.error.issues[0]?.message });
      reasonBox.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await kennisbankApi.moderate(entry.slug, parsed.data);
      onDecided({ slug: entry.slug, title: entry.title, decision });
    } catch (e) {
      const api = e instanceof ApiError ? e : new ApiError(0, "network");
      setError(api.field === "reason" ? { reason: api.message } : { form: message(api) });
      setBusy(false);
    }
  }

  type FactKey =
    | "type"
    | "summary"
    | "organisation"
    | "region"
    | "places"
    | "contact"
    | "financing"
    | "period"
    | "targetGroupSize"
    | "evidenceLevel"
    | "targetGroups"
    | "keyElements"
    | "results"
    | "themes"
    | "factors"
    | "link"
    | "createdAt"
    | "rejectionReason";
  const facts: [FactKey, ReactNode][] = [
    ["type", <TypeBadge key="type" type={entry.type} />],
    ["summary", entry.summary],
    ["organisation", entry.organisation],
    ["region", entry.region],
    ["places", [...entry.municipalities, ...entry.labourRegions, ...entry.provinces].join(" · ") || null],
    ["contact", entry.contact],
    ["financing", entry.financing],
    ["period", entry.period],
    ["targetGroupSize", entry.targetGroupSize],
    ["evidenceLevel", entry.evidenceLevel],
    ["targetGroups", list(entry.targetGroups)],
    ["keyElements", list(entry.keyElements)],
    ["results", list(entry.results)],
    ["themes", list(entry.themes.map((id) => themeLabel(tool, id)))],
    ["factors", list(entry.factors.map((id) => factorLabel(tool, id)))],
    [
      "link",
      entry.link ? (
        <a key="link" className="utrecht-link utrecht-link--html-a" href={entry.link} rel="noopener noreferrer">
          {entry.link}
        </a>
      ) : null,
    ],
    ["createdAt", new Date(entry.createdAt).toLocaleString("nl-NL")],
    ["rejectionReason", entry.rejectionReason],
  ];

  return (
    <article className="moderation-card" aria-labelledby={headingId}>
      <Heading3 id={headingId} className="moderation-card__title" lang="nl">
        {entry.title}
      </Heading3>
      <dl className="moderation-card__facts">
        {facts
          .filter(([, value]) => value)
          .map(([key, value]) => (
            <div key={key} className="moderation-card__fact">
              <dt>{t(`moderation.fields.${key}`)}</dt>
              <dd lang="nl">{value}</dd>
            </div>
          ))}
      </dl>
      <div className="moderation-card__body">
        <p className="moderation-card__body-label">{t("moderation.fields.body")}</p>
        <div lang="nl">
          <Markdown text={entry.body} headingLevel={4} />
        </div>
      </div>
      {entry.status === "published" && (
        <p>
          <AppLink to={`/kennisbank/${entry.slug}`}>{t("moderation.viewEntry")}</AppLink>
        </p>
      )}
      {error.form && (
        <p className="moderation-card__error" role="alert">
          {error.form}
        </p>
      )}
      {entry.status === "pending" && !rejecting && (
        <div className="moderation-card__actions">
          <Button appearance="primary-action-button" busy={busy} onClick={() => void decide("approve")}>
            {t("moderation.approve")}
          </Button>
          <Button ref={rejectButton} appearance="secondary-action-button" disabled={busy} onClick={() => setRejecting(true)}>
            {t("moderation.reject")}
          </Button>
        </div>
      )}
      {entry.status === "pending" && rejecting && (
        <form
          className="moderation-card__reject"
          noValidate
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void decide("reject");
          }}
        >
          <div className={`utrecht-form-field${error.reason ? " utrecht-form-field--invalid" : ""}`}>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={reasonId}>{t("moderation.reason.label")}</FormLabel>
            </div>
            <FormFieldDescription id={`${reasonId}-uitleg`}>{t("moderation.reason.description")}</FormFieldDescription>
            {error.reason && <FormFieldErrorMessage id={`${reasonId}-fout`}>{error.reason}</FormFieldErrorMessage>}
            <div className="utrecht-form-field__input">
              <Textarea
                ref={reasonBox}
                id={reasonId}
                rows={3}
                maxLength={1000}
                required
                invalid={Boolean(error.reason)}
                aria-describedby={error.reason ? `${reasonId}-fout ${reasonId}-uitleg` : `${reasonId}-uitleg`}
                value={reason}
                onChange={(event) => {
                  setReason(event.target.value);
                  setError({});
                }}
              />
            </div>
          </div>
          <div className="moderation-card__actions">
            <Button type="submit" appearance="primary-action-button" busy={busy}>
              {t("moderation.reason.submit")}
            </Button>
            <Button appearance="subtle-button" disabled={busy} onClick={() => setRejecting(false)}>
              {t("moderation.reason.cancel")}
            </Button>
          </div>
        </form>
      )}
    </article>
  );
}
