import auth from "../app/auth/nl.json";
import entries from "../app/entries/nl.json";
import { namespace } from "../app/i18n.ts";
import moderation from "./nl.json";

/** The texts of the moderation page. */
export const { useTranslation, t } = namespace(auth, entries, moderation);
