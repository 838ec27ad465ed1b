import { useTranslation } from "./i18n.ts";
import { AppLink } from "./links.tsx";
import { PageHeading } from "./PageHeading.tsx";
import { Paragraph } from "./utrecht.tsx";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page-section">
      <PageHeading title={t("notFound.title")}>{t("notFound.title")}</PageHeading>
      <Paragraph>{t("notFound.text")}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t("notFound.home")}</AppLink>
      </Paragraph>
    </div>
  );
}
