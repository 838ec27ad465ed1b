import auth from "../app/auth/nl.json";
import { namespace } from "../app/i18n.ts";
import teams from "./nl.json";

/** The texts of the team pages, with those of the kit's sign-in parts. */
export const { useTranslation, t } = namespace(auth, teams);
