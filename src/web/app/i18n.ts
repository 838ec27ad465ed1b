import nl from "../i18n/nl.json";

/**
 * The interface texts: Dutch only, from one file per namespace (i18n/nl.json for the app, teams/i18n/nl.json for the
 * team pages). A small stand-in for the part of i18next the app used, with the same call shape
 * (`const { t } = useTranslation(); t("key.path", { name })`), so the pages did not change when i18next and the
 * English switch went (issue 13: the first load carried i18next, react-i18next and both languages). What it does:
 * - nested keys with dots; a missing key comes back as the key itself;
 * - `{{name}}` is replaced by the option of that name (as text, not escaped: React escapes);
 * - with a numeric `count`, `key_zero` (for 0, when it exists), else `key_one` / `key_other` after Dutch plural rules.
 */

type PluralSuffix = "_one" | "_other" | "_zero";
type StripPlural<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K;
/** Every text key of a translation file, plural keys by their base name ("a.b" for "a.b_one" and "a.b_other"). */
export type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? StripPlural<`${Prefix}${K}`> : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type TranslationKey = Leaves<typeof nl>;
export type TOptions = Record<string, unknown>;
export type TFunction = (key: TranslationKey, options?: TOptions) => string;

export const LANGUAGE = "nl";
const plurals = new Intl.PluralRules(LANGUAGE);

type Dictionary = { readonly [key: string]: string | Dictionary };

function lookup(dictionary: Dictionary, key: string): string | undefined {
  let node: string | Dictionary | undefined = dictionary;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

function interpolate(text: string, options: TOptions): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (match, name: string) => {
    const value = options[name];
    return value === undefined || value === null ? match : String(value);
  });
}

/** A `t` over one translation file. */
export function translator(dictionary: Dictionary): (key: string, options?: TOptions) => string {
  return (key, options) => {
    const count = options?.count;
    let text: string | undefined;
    if (typeof count === "number") {
      if (count === 0) text = lookup(dictionary, `${key}_zero`);
      text ??= lookup(dictionary, `${key}_${plurals.select(count)}`);
    }
    text ??= lookup(dictionary, key);
    if (text === undefined) return key;
    return options ? interpolate(text, options) : text;
  };
}

const t: TFunction = translator(nl);
const i18n = { language: LANGUAGE, t } as const;

/** The app's texts: `const { t } = useTranslation()`. Not a real hook (the language never changes), so it may be called anywhere. */
export function useTranslation(): { t: TFunction; i18n: typeof i18n } {
  return { t, i18n };
}

export default i18n;
