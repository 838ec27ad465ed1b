import { TypeBadge } from "../app/entries/TypeBadge.tsx";
import { useEntriesByFactor } from "../app/entries/useEntriesByFactor.ts";
import { AppLink } from "../app/links.tsx";
import { Heading2, Paragraph } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

/** "Zo doen anderen het" on a factor page: every kennisbank entry for the factor, and the filtered search. */
export function FactorEntries({ factorId }: { factorId: string }) {
  const { t } = useTranslation();
  const byFactor = useEntriesByFactor();
  const entries = byFactor?.[factorId] ?? [];
  return (
    <section aria-labelledby="zo-doen-anderen-het" className="factor-entries">
      <Heading2 id="zo-doen-anderen-het">{t("examples.title")}</Heading2>
      {byFactor && entries.length === 0 && <Paragraph>{t("examples.none")}</Paragraph>}
      {entries.length > 0 && (
        <ul className="factor-entries__list">
          {entries.map((entry) => (
            <li key={entry.slug} className="factor-entries__item">
              <AppLink to={`/kennisbank/${entry.slug}`} lang="nl">
                {entry.title}
              </AppLink>{" "}
              <TypeBadge type={entry.type} />
            </li>
          ))}
        </ul>
      )}
      <Paragraph className="factor-entries__links">
        <AppLink to={`/kennisbank?factor=${encodeURIComponent(factorId)}`}>{t("examples.search", { id: factorId })}</AppLink>
        <AppLink to="/kennisbank/inzenden">{t("examples.submitOwn")}</AppLink>
      </Paragraph>
    </section>
  );
}
