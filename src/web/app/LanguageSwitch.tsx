import { useTranslation } from "react-i18next";

/** Switches the interface language; the other language's name is shown in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === "en" ? "nl" : "en";
  return (
    <button
      type="button"
      className="utrecht-button utrecht-button--subtle app-header__language"
      lang={other}
      onClick={() => void i18n.changeLanguage(other)}
    >
      {t("app.switchLanguage")}
    </button>
  );
}
