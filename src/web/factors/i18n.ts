import entries from "../app/entries/nl.json";
import factorLinks from "../app/factors/nl.json";
import { namespace } from "../app/i18n.ts";
import factors from "./nl.json";

/** The texts of the factor pages. */
export const { useTranslation, t } = namespace(entries, factorLinks, factors);
