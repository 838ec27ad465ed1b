import { teamsApi } from "../../api/teams.ts";
import { Heading2 } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";

/** The management summary and the aggregates as files (never individual responses). */
export function Downloads({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const urls = teamsApi.downloads(roundId);
  const items = [
    { href: urls.pdf, label: t("downloads.pdf") },
    { href: urls.xlsx, label: t("downloads.xlsx") },
    { href: urls.csv, label: t("downloads.csv") },
  ];
  return (
    <section aria-labelledby="downloads" className="downloads">
      <Heading2 id="downloads" className="downloads__title">
        {t("downloads.title")}
      </Heading2>
      <ul className="downloads__list">
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href} download className="utrecht-link utrecht-link--html-a downloads__link">
              <span aria-hidden="true" className="downloads__icon">
                ⤓
              </span>{" "}
              {item.label}
            </a>
          </li>
        ))}
      </ul>
      <p className="hint">{t("downloads.note")}</p>
    </section>
  );
}
