import type { FactorTips } from "../../../domain/checks/scoring.ts";
import type { EntryLink } from "../../api/kennisbank.ts";
import { FactorExamples } from "../../app/entries/FactorExamples.tsx";
import { AppLink } from "../../app/links.tsx";
import { Markdown } from "../../app/markdown/Markdown.tsx";
import { Heading3, Heading4 } from "../../app/utrecht.tsx";
import { useCheck } from "../CheckContext.ts";
import { useFormatters } from "../format.ts";
import { useTranslation } from "../i18n.ts";
import { itemText, wordingOf } from "../theme/wording.ts";

function TipList({ entry }: { entry: FactorTips }) {
  return (
    <ul className="tips__list" lang="nl">
      {entry.tips.map((tip, index) => (
        // Titles repeat within a factor; the position is stable because the content is.
        // biome-ignore lint/suspicious/noArrayIndexKey: tips have no id and never reorder
        <li key={index} className="tip">
          <Heading4 className="tip__title">{tip.title}</Heading4>
          <Markdown text={tip.text} className="tip__text" />
        </li>
      ))}
    </ul>
  );
}

type Props = {
  entry: FactorTips;
  checkId: string;
  /** Kennisbank entries for this factor ("Zo doen anderen het"); null while they load. */
  examples: EntryLink[] | null;
};

/**
 * One factor with its answer, its tips, how others do it and a way into the plan. For an aandachtspunt the examples
 * come first, right under the low score. (The tips page folds whole groups, not single factors.)
 */
export function FactorTipsCard({ entry, checkId, examples }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { tool, round } = useCheck();
  // A respondent sees the factor in the words they answered it in, and has no verbeterplan of their own.
  const item = tool.themes.flatMap((theme) => theme.items).find((i) => i.id === entry.itemId);
  const text = item ? itemText(item, wordingOf(round)) : entry.text;
  const headingId = `tips-${entry.itemId}`;
  const prominent = entry.group === "aandachtspunt";
  const exampleBlock = examples && <FactorExamples factorId={entry.itemId} entries={examples} prominent={prominent} />;
  return (
    <article className={`factor-tips factor-tips--${entry.group}`} aria-labelledby={headingId}>
      <Heading3 id={headingId} className="factor-tips__title">
        <span className="factor__number">{entry.itemId}</span> <span lang="nl">{text}</span>
      </Heading3>
      <p className="factor-tips__score">
        {t("tips.yourAnswer")} <strong>{format.answer(entry.value)}</strong>
      </p>
      {prominent && exampleBlock}
      <TipList entry={entry} />
      {!prominent && exampleBlock}
      {!round && (
        <p className="factor-tips__plan">
          <AppLink to={`/check/${checkId}/plan/thema/${entry.themeId}?factor=${encodeURIComponent(entry.itemId)}`}>
            {t("tips.toPlan")}
            <span className="visually-hidden"> ({t("tips.toPlanFactor", { id: entry.itemId })})</span>
          </AppLink>
        </p>
      )}
    </article>
  );
}
