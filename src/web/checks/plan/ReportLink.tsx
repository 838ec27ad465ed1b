import type { MouseEvent } from "react";
import { checksApi } from "../../api/checks.ts";
import { useCheck } from "../CheckContext.ts";
import { useTranslation } from "../i18n.ts";

/** The PDF report; unsent changes are saved first so the report contains them. */
export function ReportLink() {
  const { t } = useTranslation();
  const { id, queue } = useCheck();
  const url = checksApi.reportUrl(id);

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    if (!queue.hasPending()) return;
    event.preventDefault();
    await queue.whenSaved(4000);
    const link = document.createElement("a");
    link.href = url;
    link.download = "";
    link.click();
  }

  return (
    <p className="report-link">
      <a href={url} download className="utrecht-link utrecht-link--html-a report-link__link" onClick={(e) => void download(e)}>
        <span aria-hidden="true" className="report-link__icon">
          ⤓
        </span>{" "}
        {t("plan.report")}
      </a>
    </p>
  );
}
