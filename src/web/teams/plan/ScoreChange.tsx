import type { ScoreChange as Change } from "../../../domain/teams/trend.ts";
import { PERSPECTIVES, type Perspective, useTeamFormat } from "../../app/format.ts";
import { useTranslation } from "../i18n.ts";

type Props = {
  factorId: string;
  change?: Partial<Record<Perspective, Change>>;
  comparedWith?: { id: string; name: string } | null;
  latest: { id: string; name: string } | null;
};

/** How the action's factor moved, per perspective: "Jongeren: 5,0 → 8,0 (+3,0)". */
export function ScoreChange({ factorId, change, comparedWith, latest }: Props) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const rows = PERSPECTIVES.flatMap((p) => {
    const c = change?.[p];
    return c ? [{ p, c }] : [];
  });
  return (
    <div className="score-change">
      <p className="score-change__title">
        {comparedWith && latest
          ? t("teamPlan.change.since", { factor: factorId, before: comparedWith.name, after: latest.name })
          : t("teamPlan.change.title", { factor: factorId })}
      </p>
      {rows.length === 0 ? (
        <p className="score-change__none">{t("teamPlan.change.none")}</p>
      ) : (
        <ul className="score-change__list">
          {rows.map(({ p, c }) => (
            <li key={p} className={c.delta === null ? "" : c.delta > 0 ? "score-change--up" : c.delta < 0 ? "score-change--down" : ""}>
              {format.perspective(p)}:{" "}
              {c.before !== null && c.after !== null && c.delta !== null ? (
                <>
                  {format.score(c.before)} → {format.score(c.after)} <strong>({format.delta(c.delta)})</strong>
                </>
              ) : c.after !== null ? (
                t("teamPlan.change.onlyAfter", { score: format.score(c.after) })
              ) : (
                t("teamPlan.change.onlyBefore", { score: format.score(c.before) })
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
