import type { Session, SessionTheme } from "../../api/sessions.ts";
import { type Perspective, useTeamFormat } from "../../app/format.ts";
import {
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../../app/utrecht.tsx";
import { ScrollTable } from "../results/tables.tsx";
import { useTranslation } from "./i18n.ts";

/** The groups whose figures are shown, and a sentence naming those with too few answers (never their figures). */
export function useShownGroups(perspectives: Session["perspectives"]) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const shown: Perspective[] = perspectives.filter((p) => p.visible).map((p) => p.perspective);
  const hidden = perspectives.filter((p) => !p.visible).map((p) => format.perspective(p.perspective).toLowerCase());
  return { shown, hiddenText: hidden.length > 0 ? t("session.mirror.hidden", { groups: hidden.join(", ") }) : null };
}

/** A theme's mirror: the theme and its factors per shown group side by side, with the gap between them. */
export function SessionMirror({
  theme,
  number,
  perspectives,
}: {
  theme: SessionTheme;
  number: number;
  perspectives: Session["perspectives"];
}) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const { shown, hiddenText } = useShownGroups(perspectives);
  const captionId = `spiegel-thema-${theme.id}`;
  const rows = [
    { key: "theme", label: t("session.mirror.theme"), means: theme.mirror.means, gap: theme.mirror.gap, strong: true },
    ...theme.factors.map((f) => ({ key: f.id, label: `${f.id} ${f.text}`, means: f.means, gap: f.gap, strong: false })),
  ];
  return (
    <div className="session-mirror">
      {shown.length === 0 ? (
        <Paragraph>{t("session.mirror.none")}</Paragraph>
      ) : (
        <ScrollTable labelledBy={captionId}>
          <Table className="team-table session-mirror__table">
            <TableCaption id={captionId}>{t("session.mirror.caption", { number })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("session.mirror.factor")}</TableHeaderCell>
                {shown.map((p) => (
                  <TableHeaderCell key={p} scope="col" className="numeric">
                    {format.perspective(p)}
                  </TableHeaderCell>
                ))}
                {shown.length > 1 && (
                  <TableHeaderCell scope="col" className="numeric">
                    {t("session.mirror.gap")}
                  </TableHeaderCell>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.key} className={row.strong ? "session-mirror__theme-row" : undefined}>
                  <TableHeaderCell scope="row" lang="nl">
                    {row.label}
                  </TableHeaderCell>
                  {shown.map((p) => (
                    <TableCell key={p} className="numeric">
                      {row.means[p] === undefined ? <span className="hint">{t("results.tooFew")}</span> : format.score(row.means[p])}
                    </TableCell>
                  ))}
                  {shown.length > 1 && (
                    <TableCell className="numeric team-table__score">
                      {row.gap === null ? t("session.mirror.noGap") : format.score(row.gap)}
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
      {hiddenText && <Paragraph className="hint">{hiddenText}</Paragraph>}
    </div>
  );
}

/** The factors of a theme where the groups differ most. */
export function SessionGaps({ theme, headingId }: { theme: SessionTheme; headingId: string }) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  return (
    <div className="session-block">
      <Heading3 id={headingId}>{t("session.gaps.title")}</Heading3>
      {theme.gaps.length === 0 ? (
        <Paragraph>{t("session.gaps.none")}</Paragraph>
      ) : (
        <ol className="session-gaps">
          {theme.gaps.map((gap) => (
            <li key={gap.id} className="session-gaps__item">
              <span className="factor-id">{gap.id}</span> <span lang="nl">{gap.text}</span>
              <span className="session-gaps__means">
                {(Object.entries(gap.means) as [Perspective, number][])
                  .sort((a, b) => b[1] - a[1])
                  .map(([p, mean]) => `${format.perspective(p)} ${format.score(mean)}`)
                  .join(" · ")}{" "}
                — <strong>{t("session.gaps.gap", { gap: format.score(gap.gap) })}</strong>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** The discussion questions the content gives for a theme. */
export function SessionQuestions({ theme, headingId }: { theme: SessionTheme; headingId: string }) {
  const { t } = useTranslation();
  return (
    <div className="session-block">
      <Heading3 id={headingId}>{t("session.questions.title")}</Heading3>
      {theme.questions.length === 0 ? (
        <Paragraph>{t("session.questions.none")}</Paragraph>
      ) : (
        <ol className="session-questions">
          {theme.questions.map((q) => (
            <li key={q} lang="nl">
              {q}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
