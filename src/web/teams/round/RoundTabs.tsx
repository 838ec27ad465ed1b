import { Link, useLocation } from "react-router";
import { useTranslation } from "../i18n.ts";

/** The views of one round (overview, results, mirror) and the team's trend; the current one has aria-current. */
export function RoundTabs({ teamId, roundId }: { teamId: string; roundId: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const base = `/teams/${teamId}/metingen/${roundId}`;
  const items = [
    { to: base, label: t("tabs.overview") },
    { to: `${base}/resultaten`, label: t("tabs.results") },
    { to: `${base}/spiegel`, label: t("tabs.mirror") },
    { to: `${base}/sessie`, label: t("tabs.session") },
    { to: `${base}/agenda`, label: t("tabs.agenda") },
    { to: `/teams/${teamId}/trend`, label: t("tabs.trend") },
  ];
  return (
    <nav className="round-tabs" aria-label={t("tabs.label")}>
      <ul className="round-tabs__list">
        {items.map((item) => {
          const current = pathname === item.to;
          return (
            <li key={item.to}>
              <Link
                to={item.to}
                className={`round-tabs__link${current ? " round-tabs__link--current" : ""}`}
                aria-current={current ? "page" : undefined}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
