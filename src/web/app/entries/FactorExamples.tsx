import "./examples.css";
import type { EntryLink } from "../../api/kennisbank.ts";
import { AppLink } from "../links.tsx";
import { Heading3, Heading4 } from "../utrecht.tsx";
import { useTranslation } from "./i18n.ts";

type Props = {
  factorId: string;
  entries: EntryLink[];
  /** Aandachtspunten show the examples as a highlighted box: from a low score straight to how others do it. */
  prominent?: boolean;
  max?: number;
  headingLevel?: 3 | 4;
};

/** "Zo doen anderen het": a few kennisbank entries for a factor and a link to all of them. */
export function FactorExamples({ factorId, entries, prominent = false, max = 3, headingLevel = 4 }: Props) {
  const { t } = useTranslation();
  const Heading = headingLevel === 3 ? Heading3 : Heading4;
  const headingId = `voorbeelden-${factorId.replace(".", "-")}`;
  const shown = entries.slice(0, max);
  const all = `/kennisbank?factor=${encodeURIComponent(factorId)}`;
  return (
    <section className={`factor-examples${prominent ? " factor-examples--prominent" : ""}`} aria-labelledby={headingId}>
      <Heading id={headingId} className="factor-examples__title">
        {t("examples.title")}
        <span className="visually-hidden"> ({t("examples.forFactor", { id: factorId })})</span>
      </Heading>
      {entries.length === 0 ? (
        <p className="factor-examples__none">
          {t("examples.none")} <AppLink to="/kennisbank/inzenden">{t("examples.submitOwn")}</AppLink>
        </p>
      ) : (
        <>
          {prominent && <p className="factor-examples__intro">{t("examples.intro")}</p>}
          <ul className="factor-examples__list">
            {shown.map((entry) => (
              <li key={entry.slug}>
                <AppLink to={`/kennisbank/${entry.slug}`} lang="nl">
                  {entry.title}
                </AppLink>{" "}
                <span className="factor-examples__type">({t(`kennisbank.types.${entry.type}`).toLowerCase()})</span>
              </li>
            ))}
          </ul>
          {entries.length > shown.length && (
            <p className="factor-examples__all">
              <AppLink to={all}>
                {t("examples.all", { count: entries.length })}
                <span className="visually-hidden"> {t("examples.forFactor", { id: factorId })}</span>
              </AppLink>
            </p>
          )}
        </>
      )}
    </section>
  );
}
