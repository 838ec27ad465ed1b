import { namespace } from "../../app/i18n.ts";
import comparison from "./nl.json";

/** The texts of the comparison with peers and the cross-organisation spiegel. */
export const { useTranslation, t } = namespace(comparison);
