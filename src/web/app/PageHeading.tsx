import { type ReactNode, useEffect, useRef } from "react";
import { useLocation } from "react-router";
import { useTranslation } from "./i18n.ts";
import { Heading1 } from "./utrecht.tsx";

let firstPath: string | null = null;

/**
 * The page's h1. Sets document.title and, after a route change (not on the first page load), moves focus to the
 * heading so screen reader and keyboard users start at the new page's content.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();

  useEffect(() => {
    document.title = title === t("app.name") ? title : t("app.documentTitle", { title });
  }, [title, t]);

  useEffect(() => {
    if (firstPath === null) {
      firstPath = pathname;
      return;
    }
    if (firstPath === pathname) return;
    firstPath = "";
    ref.current?.focus({ preventScroll: false });
  }, [pathname]);

  return (
    <Heading1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </Heading1>
  );
}
