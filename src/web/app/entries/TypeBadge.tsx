import "./badges.css";
import type { EntryType } from "../../../domain/kennisbank/schema.ts";
import { useTranslation } from "./i18n.ts";

/** The kind of a kennisbank entry as a small label; the text itself says it, colour only supports. */
export function TypeBadge({ type }: { type: EntryType }) {
  const { t } = useTranslation();
  return <span className={`type-badge type-badge--${type}`}>{t(`kennisbank.types.${type}`)}</span>;
}
