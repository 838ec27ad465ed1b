import { namespace } from "../app/i18n.ts";
import management from "./nl.json";

/** The texts of the management summary page. */
export const { useTranslation, t } = namespace(management);
