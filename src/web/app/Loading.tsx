import { useTranslation } from "./i18n.ts";
import { Paragraph } from "./utrecht.tsx";

/** Shown while a page loads; announced politely. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div role="status" className="loading">
      <Paragraph>{t("app.loading")}</Paragraph>
    </div>
  );
}
