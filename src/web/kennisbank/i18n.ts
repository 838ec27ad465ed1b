import entries from "../app/entries/nl.json";
import { namespace } from "../app/i18n.ts";
import kennisbank from "./nl.json";

/** The texts of the kennisbank pages (search, entry, submission). */
export const { useTranslation, t } = namespace(entries, kennisbank);
