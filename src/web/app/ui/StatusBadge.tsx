import { useTranslation } from "../i18n.ts";

/** "Open" or "Gesloten" as a text badge (not colour alone). */
export function StatusBadge({ status }: { status: "open" | "closed" }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-badge--${status}`}>{t(`common.status.${status}`)}</span>;
}
