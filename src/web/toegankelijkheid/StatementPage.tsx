import "../app/ui/kit.css";
import "./statement.css";
import { TipText } from "../app/markdown/TipText.tsx";
import { SectionsPage } from "../app/ui/SectionsPage.tsx";
import { Paragraph, UnorderedList, UnorderedListItem } from "../app/utrecht.tsx";
import { type StatementKey, useTranslation } from "./i18n.ts";

/** A part of the statement: paragraphs, or a list where the items stand apart (what was tested, what is not right). */
type Section = { id: string; title: StatementKey; paragraphs?: StatementKey[]; items?: StatementKey[] };

/** The parts of the Dutch model statement (toegankelijkheidsverklaring.nl), in its order. */
const SECTIONS: Section[] = [
  { id: "over-deze-website", title: "statement.scope.title", paragraphs: ["statement.scope.what"] },
  { id: "eisen", title: "statement.standard.title", paragraphs: ["statement.standard.what"] },
  {
    id: "status",
    title: "statement.status.title",
    paragraphs: ["statement.status.label", "statement.status.why", "statement.status.measures"],
  },
  {
    id: "getest",
    title: "statement.tested.title",
    items: ["statement.tested.browser", "statement.tested.axe", "statement.tested.roles", "statement.tested.build"],
  },
  { id: "resultaat", title: "statement.result.title", paragraphs: ["statement.result.clean", "statement.result.limits"] },
  {
    id: "nog-niet-goed",
    title: "statement.known.title",
    items: ["statement.known.evaluation", "statement.known.pdf", "statement.known.others"],
  },
  { id: "melden", title: "statement.report.title", paragraphs: ["statement.report.what", "statement.report.ombudsman"] },
  { id: "over-deze-verklaring", title: "statement.about.title", paragraphs: ["statement.about.date"] },
];

/**
 * `/toegankelijkheid`: the accessibility statement after the Dutch model — which site, which standard, the status and
 * why, what was tested and how, the result, what is not right yet, how to report a problem, and its date.
 */
export function StatementPage() {
  const { t } = useTranslation();
  return (
    <SectionsPage
      title={t("statement.title")}
      intro={t("statement.intro")}
      tocId="verklaring-inhoud"
      tocTitle={t("statement.toc")}
      sections={SECTIONS.map((section) => ({
        id: section.id,
        title: t(section.title),
        body: (
          <>
            {section.paragraphs?.map((key) => (
              <Paragraph key={key} className={key === "statement.status.label" ? "statement-status" : undefined}>
                <TipText text={t(key)} />
              </Paragraph>
            ))}
            {section.items && (
              <UnorderedList>
                {section.items.map((key) => (
                  <UnorderedListItem key={key}>
                    <TipText text={t(key)} />
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            )}
          </>
        ),
      }))}
    />
  );
}
