import type { ReactNode } from "react";
import { Link, Outlet, ScrollRestoration } from "react-router";
import { useTranslation } from "./i18n.ts";
import { MainNav } from "./MainNav.tsx";
import { PageFooter, PageHeader, Paragraph } from "./utrecht.tsx";

/** The frame every page shares: skip link, header, main landmark, footer with the privacy and accessibility links. */
function Shell({ className, header, footer }: { className: string; header: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`utrecht-document app ${className}`.trim()}>
      <a href="#inhoud" className="utrecht-skip-link utrecht-skip-link--visible-on-focus">
        {t("app.skipLink")}
      </a>
      <PageHeader className="app-header">{header}</PageHeader>
      <main id="inhoud" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <PageFooter className="app-footer">
        <div className="app-footer__content">
          <Paragraph className="app-footer__name">{t("app.name")}</Paragraph>
          {footer}
          <Paragraph appearance="small">
            <Link to="/privacy" className="app-footer__link">
              {t("app.footer.privacyLink")}
            </Link>
          </Paragraph>
          <Paragraph appearance="small">
            <Link to="/toegankelijkheid" className="app-footer__link">
              {t("app.footer.accessibilityLink")}
            </Link>
          </Paragraph>
        </div>
      </PageFooter>
      <ScrollRestoration />
    </div>
  );
}

/** Page shell of the app: the header has the product name (home link) and the main navigation. */
export function Layout() {
  const { t } = useTranslation();
  return (
    <Shell
      className=""
      header={
        <>
          <div className="app-header__content">
            <Link to="/" className="app-header__brand">
              <span className="app-header__logo" aria-hidden="true" />
              <span>{t("app.name")}</span>
            </Link>
          </div>
          <MainNav />
        </>
      }
      footer={
        <>
          <Paragraph appearance="small">{t("app.footer.privacy")}</Paragraph>
          <Paragraph appearance="small">{t("app.footer.source")}</Paragraph>
        </>
      }
    />
  );
}

/**
 * Shell of the respondent pages (/meedoen/…): a header with only the tool's name (no way into the rest of the app) and a footer with the privacy link.
 */
export function RespondLayout() {
  const { t } = useTranslation();
  return (
    <Shell
      className="app--respond"
      header={
        <div className="app-header__content">
          <p className="app-header__brand app-header__brand--static">
            <span className="app-header__logo" aria-hidden="true" />
            <span>{t("app.name")}</span>
          </p>
        </div>
      }
    />
  );
}
