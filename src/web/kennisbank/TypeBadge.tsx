import "./badges.css";
import { useTranslation } from "react-i18next";
import type { EntryType } from "../../domain/kennisbank/schema.ts";

/** The kind of a kennisbank entry as a small label; the text itself says it, colour only supports. */
export function TypeBadge({ type }: { type: EntryType }) {
  const { t } = useTranslation();
  return <span className={`type-badge type-badge--${type}`}>{t(`kennisbank.types.${type}`)}</span>;
}
