import entries from "../app/entries/nl.json";
import { namespace } from "../app/i18n.ts";
import plan from "../app/plan/nl.json";
import checks from "./nl.json";

/** The texts of the check pages (personal and respondent), with the plan editor's and the kennisbank examples'. */
export const { useTranslation, t } = namespace(plan, entries, checks);
