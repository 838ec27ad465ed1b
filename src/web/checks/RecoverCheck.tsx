import "../app/ui/kit.css";
import "./recover.css";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { formatDate } from "../../domain/checks/format.ts";
import { checksApi } from "../api/checks.ts";
import { ApiError } from "../api/client.ts";
import { AppLink } from "../app/links.tsx";
import { Field, FormAlert } from "../app/ui/Field.tsx";
import { invalid, useForm } from "../app/ui/useForm.ts";
import { Button, Heading2, Paragraph, Textbox } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";
import { checkIdFromLink, forgetCheck, rememberedChecks } from "./remembered.ts";

/** A check this browser remembers, with the day it was last changed (null when the server could not be asked). */
export type RememberedCheck = { id: string; updatedAt: string | null };

/**
 * The checks this browser remembers, looked up once (undefined meanwhile): a check the server no longer has, or one
 * that turns out to be a respondent's, is forgotten here too.
 */
export function useRememberedChecks(): RememberedCheck[] | undefined {
  const [checks, setChecks] = useState<RememberedCheck[] | undefined>(() => (rememberedChecks().length === 0 ? [] : undefined));
  useEffect(() => {
    const ids = rememberedChecks();
    if (ids.length === 0) return;
    const controller = new AbortController();
    Promise.all(
      ids.map(async (id): Promise<RememberedCheck | null> => {
        try {
          const check = await checksApi.get(id, controller.signal);
          if (check.round === null) return { id, updatedAt: check.updatedAt };
        } catch (error) {
          if (!(error instanceof ApiError && error.status === 404)) return { id, updatedAt: null };
        }
        forgetCheck(id);
        return null;
      }),
    ).then((found) => {
      if (!controller.signal.aborted) setChecks(found.filter((check) => check !== null));
    });
    return () => controller.abort();
  }, []);
  return checks;
}

/** "Verder met je check van <datum>" for each remembered check, each with a way to forget it on this device. */
export function RememberedChecks({ checks }: { checks: RememberedCheck[] }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(checks);
  const [forgotten, setForgotten] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);

  function forget(id: string) {
    forgetCheck(id);
    setShown((list) => list.filter((check) => check.id !== id));
    setForgotten(true);
    // The button is gone: keep focus in the section, on the message that says what happened.
    requestAnimationFrame(() => status.current?.focus());
  }

  if (checks.length === 0) return null;
  return (
    <section aria-labelledby="verder-met-je-check" className="remembered panel">
      <Heading2 id="verder-met-je-check">{t("recover.rememberedTitle")}</Heading2>
      {shown.length > 0 && (
        <ul className="remembered__list">
          {shown.map((check) => {
            const label = check.updatedAt
              ? t("recover.continueFrom", { date: formatDate(new Date(check.updatedAt)) })
              : t("recover.continue");
            return (
              <li key={check.id} className="remembered__item">
                <AppLink to={`/check/${check.id}`} className="remembered__link">
                  {label}
                </AppLink>
                <Button appearance="subtle-button" onClick={() => forget(check.id)}>
                  {t("recover.forget")}
                  <span className="visually-hidden"> ({label})</span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <p className="remembered__status" role="status" tabIndex={-1} ref={status}>
        {forgotten && t("recover.forgotten")}
      </p>
      <Paragraph appearance="small">{t("recover.rememberedHow")}</Paragraph>
    </section>
  );
}

const FIELDS = ["link"] as const;

/** Open a check by pasting its link (or just its code): checked here first, then asked of the server. */
export function OpenCheckForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [link, setLink] = useState("");
  const { form, errors, busy, onSubmit, clearError } = useForm(
    () => {
      if (link.trim() === "") return invalid({ link: t("recover.errors.empty") });
      const id = checkIdFromLink(link);
      return id ? { value: id } : invalid({ link: t("recover.errors.malformed") });
    },
    async (id) => {
      await checksApi.get(id);
      navigate(`/check/${id}`);
    },
    {
      fields: FIELDS,
      errorsOf: (error) => (error instanceof ApiError && error.status === 404 ? { link: t("recover.errors.notFound") } : undefined),
    },
  );

  return (
    <section aria-labelledby="eerdere-check" className="open-check">
      <Heading2 id="eerdere-check">{t("recover.openTitle")}</Heading2>
      <Paragraph>{t("start.resumeHint")}</Paragraph>
      <form ref={form} noValidate onSubmit={(e) => void onSubmit(e)} className="stack-form open-check__form">
        <FormAlert message={errors.form} />
        <Field id="check-link" label={t("recover.label")} description={t("recover.description")} error={errors.link}>
          {(props) => (
            <Textbox
              {...props}
              value={link}
              autoComplete="off"
              spellCheck={false}
              inputMode="url"
              maxLength={2000}
              onChange={(e) => {
                setLink(e.target.value);
                clearError("link");
              }}
            />
          )}
        </Field>
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            {t("recover.open")}
          </Button>
        </div>
      </form>
    </section>
  );
}
