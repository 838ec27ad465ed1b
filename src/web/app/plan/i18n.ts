import { namespace } from "../i18n.ts";
import texts from "./nl.json";

/** The common texts plus those of this kit part. */
export const { useTranslation, t } = namespace(texts);

/** A `t` that knows at least the plan editor's texts. */
export type PlanT = typeof t;
