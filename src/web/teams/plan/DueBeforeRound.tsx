import "./due.css";
import type { Tool } from "../../../domain/content/schema.ts";
import { useTeamFormat } from "../../app/format.ts";
import { AppLink } from "../../app/links.tsx";
import type { EditableAction } from "../../app/plan/PlanEditing.ts";
import { Heading2, Paragraph } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";

/**
 * The actions that were due before the latest round started and are not done yet (the server marks them; one set to
 * "klaar" here drops out at once). Listed at the top of the plan, each linking to its theme.
 */
export function DueSummary({
  actions,
  tool,
  round,
  teamId,
}: {
  actions: EditableAction[];
  tool: Tool;
  round: { name: string };
  teamId: string;
}) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  if (actions.length === 0) return null;
  return (
    <section className="panel due-summary" aria-labelledby="acties-voor-meting">
      <Heading2 id="acties-voor-meting" className="due-summary__title">
        {t("teamPlan.due.title", { count: actions.length, round: round.name })}
      </Heading2>
      <Paragraph>{t("teamPlan.due.intro")}</Paragraph>
      <ul className="due-summary__list">
        {actions.map((action) => {
          const index = tool.themes.findIndex((theme) => theme.id === action.themeId);
          return (
            <li key={action.id}>
              <AppLink to={`/teams/${teamId}/plan/thema/${action.themeId}`}>{action.what}</AppLink>{" "}
              <span className="due-summary__meta">
                {t("teamPlan.due.meta", {
                  date: action.when ? format.date(action.when) : "",
                  theme: index + 1,
                  status: t(`teamPlan.due.status.${action.status}`),
                })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The mark on one action that was due before the latest round and is not done. */
export function DueMark() {
  const { t } = useTranslation();
  return <p className="due-mark">{t("teamPlan.due.mark")}</p>;
}
