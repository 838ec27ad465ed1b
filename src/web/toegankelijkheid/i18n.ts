import { namespace } from "../app/i18n.ts";
import statement from "./nl.json";

/** The texts of the accessibility statement. */
export const { useTranslation, t } = namespace(statement);

export type StatementKey = Parameters<typeof t>[0];
