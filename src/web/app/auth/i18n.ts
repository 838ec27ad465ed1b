import { namespace } from "../i18n.ts";
import texts from "./nl.json";

/** The common texts plus those of this kit part. */
export const { useTranslation, t } = namespace(texts);

/** A `t` that knows at least the sign-in texts. */
export type AuthT = typeof t;
