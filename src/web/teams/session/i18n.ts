import auth from "../../app/auth/nl.json";
import { namespace } from "../../app/i18n.ts";
import teams from "../nl.json";
import session from "./nl.json";

/** The texts of the spiegelsessie, its report and the intervisie agenda, with the team pages' texts. */
export const { useTranslation, t } = namespace(auth, teams, session);
