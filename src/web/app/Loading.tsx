import { useTranslation } from "./i18n.ts";
import { Paragraph } from "./utrecht.tsx";

/**
 * Shown while a page loads; announced politely. `fillScreen` for a page that will be taller than the screen (a check
 * page, the landing page): the status then takes a screen's height, so the footer stays below the fold while the page
 * loads instead of showing and being pushed down when the content arrives (a layout shift).
 */
export function Loading({ fillScreen = false }: { fillScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <div role="status" className={fillScreen ? "loading loading--fill-screen" : "loading"}>
      <Paragraph>{t("app.loading")}</Paragraph>
    </div>
  );
}
