import { useTeamsT } from "../i18n/index.ts";

/** "Open" or "Gesloten" as a text badge (not colour alone). */
export function StatusBadge({ status }: { status: "open" | "closed" }) {
  const t = useTeamsT();
  return <span className={`status-badge status-badge--${status}`}>{t(`rounds.status.${status}`)}</span>;
}
