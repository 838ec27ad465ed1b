import { namespace } from "../app/i18n.ts";
import privacy from "./nl.json";

/** The texts of the privacy page. */
export const { useTranslation, t } = namespace(privacy);

export type PrivacyKey = Parameters<typeof t>[0];
