import "../respond/respond.css";
import { PageFooter, PageHeader, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, ScrollRestoration } from "react-router";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { MainNav } from "./MainNav.tsx";

/** Page shell: skip link, header with the product name and the main navigation, main landmark, footer. */
export function Layout() {
  const { t } = useTranslation();
  return (
    <div className="utrecht-document app">
      <a href="#inhoud" className="utrecht-skip-link utrecht-skip-link--visible-on-focus">
        {t("app.skipLink")}
      </a>
      <PageHeader className="app-header">
        <div className="app-header__content">
          <Link to="/" className="app-header__brand">
            <span className="app-header__logo" aria-hidden="true" />
            <span>{t("app.name")}</span>
          </Link>
          <LanguageSwitch />
        </div>
        <MainNav />
      </PageHeader>
      <main id="inhoud" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <PageFooter className="app-footer">
        <div className="app-footer__content">
          <Paragraph className="app-footer__name">{t("app.name")}</Paragraph>
          <Paragraph appearance="small">{t("app.footer.privacy")}</Paragraph>
          <Paragraph appearance="small">{t("app.footer.source")}</Paragraph>
          <Paragraph appearance="small">
            <Link to="/privacy" className="app-footer__link">
              {t("app.footer.privacyLink")}
            </Link>
          </Paragraph>
        </div>
      </PageFooter>
      <ScrollRestoration />
    </div>
  );
}

/**
 * Shell of the respondent pages (/meedoen/…): skip link, a header with only the tool's name (no way into the rest of
 * the app, no language switch), main landmark, and a footer with the privacy link.
 */
export function RespondLayout() {
  const { t } = useTranslation();
  return (
    <div className="utrecht-document app app--respond">
      <a href="#inhoud" className="utrecht-skip-link utrecht-skip-link--visible-on-focus">
        {t("app.skipLink")}
      </a>
      <PageHeader className="app-header">
        <div className="app-header__content">
          <p className="app-header__brand app-header__brand--static">
            <span className="app-header__logo" aria-hidden="true" />
            <span>{t("app.name")}</span>
          </p>
        </div>
      </PageHeader>
      <main id="inhoud" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <PageFooter className="app-footer">
        <div className="app-footer__content">
          <Paragraph className="app-footer__name">{t("app.name")}</Paragraph>
          <Paragraph appearance="small">
            <Link to="/privacy" className="app-footer__link">
              {t("app.footer.privacyLink")}
            </Link>
          </Paragraph>
        </div>
      </PageFooter>
      <ScrollRestoration />
    </div>
  );
}
