import factorLinks from "../app/factors/nl.json";
import { namespace } from "../app/i18n.ts";
import werkwijze from "./nl.json";

/** The texts of the werkwijze guide. */
export const { useTranslation, t } = namespace(factorLinks, werkwijze);
