import { Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";

/** Shown while a page loads; announced politely. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div role="status" className="loading">
      <Paragraph>{t("app.loading")}</Paragraph>
    </div>
  );
}
