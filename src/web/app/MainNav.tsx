import { Link, useLocation } from "react-router";
import { useTranslation } from "./i18n.ts";

const ITEMS = [
  { to: "/", key: "check", match: (path: string) => path === "/" || path.startsWith("/check/") },
  { to: "/kennisbank", key: "kennisbank", match: (path: string) => path === "/kennisbank" || path.startsWith("/kennisbank/") },
  { to: "/werkwijze", key: "werkwijze", match: (path: string) => path === "/werkwijze" },
  { to: "/factoren", key: "factoren", match: (path: string) => path === "/factoren" || path.startsWith("/factoren/") },
  { to: "/teams", key: "teams", match: (path: string) => path === "/teams" || path.startsWith("/teams/") || path.startsWith("/account/") },
] as const;

/** The main sections; the section of the current page has aria-current="page". */
export function MainNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <nav className="main-nav" aria-label={t("nav.label")}>
      <ul className="main-nav__list">
        {ITEMS.map((item) => {
          const current = item.match(pathname);
          return (
            <li key={item.key} className="main-nav__item">
              <Link
                to={item.to}
                className={`main-nav__link${current ? " main-nav__link--current" : ""}`}
                aria-current={current ? "page" : undefined}
              >
                {t(`nav.${item.key}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
