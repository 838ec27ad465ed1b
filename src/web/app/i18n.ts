import common from "./nl.json";

/**
 * The interface texts: Dutch only. A small stand-in for the part of i18next the app used, with the same call shape
 * (`const { t } = useTranslation(); t("key.path", { name })`), so the pages did not change when i18next and the
 * English switch went (issue 13: the first load carried i18next, react-i18next and both languages). What it does:
 * - nested keys with dots; a missing key comes back as the key itself;
 * - `{{name}}` is replaced by the option of that name (as text, not escaped: React escapes);
 * - with a numeric `count`, `key_zero` (for 0, when it exists), else `key_one` / `key_other` after Dutch plural rules.
 *
 * Namespaces: the common texts (app/nl.json: shell, errors, save state, shared words, perspectives) and one file per
 * feature (`<feature>/nl.json`, reached through `<feature>/i18n.ts`) and per kit part that has texts of its own
 * (app/auth, app/plan, app/entries, app/factors). `namespace(...files)` gives a `useTranslation` over the common texts
 * plus those files, merged key by key; a feature's file travels with the feature's (lazy) pages.
 */

type PluralSuffix = "_one" | "_other" | "_zero";
type StripPlural<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K;
/** Every text key of a translation file, plural keys by their base name ("a.b" for "a.b_one" and "a.b_other"). */
export type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? StripPlural<`${Prefix}${K}`> : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type TOptions = Record<string, unknown>;
/** A `t` typed on the keys of its texts. */
export type Translate<Key extends string> = (key: Key, options?: TOptions) => string;

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

/** Files merged key by key: `{ a: { b } }` and `{ a: { c } }` give `{ a: { b, c } }`; a text is never overwritten. */
function merge(files: readonly Dictionary[]): Dictionary {
  const result: Record<string, string | Dictionary> = {};
  for (const file of files) {
    for (const [key, value] of Object.entries(file)) {
      const existing = result[key];
      if (existing === undefined) result[key] = value;
      else if (typeof existing === "string" || typeof value === "string") throw new Error(`Tekst ${key} staat twee keer in de vertalingen`);
      else result[key] = merge([existing, value]);
    }
  }
  return result;
}

type Common = typeof common;
type Namespace<Texts> = {
  /** `const { t } = useTranslation()`. Not a real hook (the language never changes), so it may be called anywhere. */
  useTranslation(): { t: Translate<Leaves<Texts>> };
  t: Translate<Leaves<Texts>>;
};

/** The common texts plus the given files (a feature's, and those of the kit parts it renders itself). */
export function namespace(): Namespace<Common>;
export function namespace<A>(a: A): Namespace<Common & A>;
export function namespace<A, B>(a: A, b: B): Namespace<Common & A & B>;
export function namespace<A, B, C>(a: A, b: B, c: C): Namespace<Common & A & B & C>;
export function namespace<A, B, C, D>(a: A, b: B, c: C, d: D): Namespace<Common & A & B & C & D>;
export function namespace(...files: unknown[]): Namespace<Common> {
  const t = translator(merge([common, ...(files as Dictionary[])]));
  return { t, useTranslation: () => ({ t }) };
}

/** The common texts: the shell and the kit parts without texts of their own. */
export const { useTranslation, t } = namespace();
/** A `t` of the common texts, or of any namespace (its keys include these). */
export type CommonKey = Leaves<Common>;
