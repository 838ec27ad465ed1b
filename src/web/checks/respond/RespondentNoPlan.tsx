import { ButtonRouterLink } from "../../app/links.tsx";
import { PageHeading } from "../../app/PageHeading.tsx";
import { Paragraph } from "../../app/utrecht.tsx";
import { useCheck } from "../CheckContext.ts";
import { useTranslation } from "../i18n.ts";
import { ProgressNav } from "../ProgressNav.tsx";
import { wordingOf } from "../theme/wording.ts";
import { checkPaths } from "./paths.ts";

/** The plan page of a respondent: the verbeterplan belongs to the team, not to one respondent. */
export function RespondentNoPlan() {
  const { t } = useTranslation();
  const { id, round, submittedAt } = useCheck();
  const wording = wordingOf(round);
  const paths = checkPaths(id, Boolean(round));
  const title = t("respond.noPlan.title");
  return (
    <div className="page-section">
      <ProgressNav current={{ kind: "plan" }} />
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph>{t(`respond.${wording}.noPlan`)}</Paragraph>
      <ButtonRouterLink to={submittedAt ? paths.done : paths.submit} appearance="primary">
        {submittedAt ? t("respond.toDone") : t("respond.toSubmit")}
      </ButtonRouterLink>
    </div>
  );
}
