import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "../i18n/en.json";
import nl from "../i18n/nl.json";

export const LANGUAGES = ["nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

// Every key in nl.json must exist in en.json: this assignment fails to compile otherwise.
const english: typeof nl = en;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof nl };
  }
}

const STORAGE_KEY = "verbetertool:taal";

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "nl";
  } catch {
    return "nl";
  }
}

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: english } },
  lng: storedLanguage(),
  fallbackLng: "nl",
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

function applyLanguage(language: string) {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

applyLanguage(i18n.language);
i18n.on("languageChanged", applyLanguage);

export default i18n;
