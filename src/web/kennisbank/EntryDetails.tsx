import type { KennisbankEntry } from "../api/kennisbank.ts";
import { TypeBadge } from "../app/entries/TypeBadge.tsx";
import { Heading2, Heading3, UnorderedList, UnorderedListItem } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

type Props = {
  entry: Pick<
    KennisbankEntry,
    | "type"
    | "organisation"
    | "region"
    | "category"
    | "targetGroups"
    | "keyElements"
    | "results"
    | "contact"
    | "financing"
    | "period"
    | "targetGroupSize"
    | "evidenceLevel"
    | "municipalities"
    | "labourRegions"
    | "provinces"
    | "national"
  >;
  /** Level of the "key elements" and "results" headings: 2 on the entry page, 3 inside a moderation card. */
  headingLevel?: 2 | 3;
  idPrefix?: string;
  /** The entry page shows the type as a badge under the title already. */
  withType?: boolean;
};

/**
 * The facts of an entry: type, organisation, region (as written, then the places it names), category, target groups,
 * period, size, financing, contact and evidence level; then key elements and results.
 */
export function EntryDetails({ entry, headingLevel = 2, idPrefix = "entry", withType = true }: Props) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? Heading2 : Heading3;
  const places = [
    ...entry.municipalities.map((name) => t("entry.places.municipality", { name })),
    ...entry.labourRegions.map((name) => t("entry.places.labourRegion", { name })),
    ...entry.provinces.map((name) => t("entry.places.province", { name })),
  ];
  const facts = [
    { key: "type", value: withType ? <TypeBadge type={entry.type} /> : null },
    { key: "organisation", value: entry.organisation },
    { key: "region", value: entry.region },
    { key: "places", value: places.length > 0 ? places.join(" · ") : null },
    { key: "category", value: entry.category },
    { key: "targetGroups", value: entry.targetGroups.length > 0 ? entry.targetGroups.join(", ") : null },
    { key: "period", value: entry.period },
    { key: "targetGroupSize", value: entry.targetGroupSize },
    { key: "financing", value: entry.financing },
    { key: "contact", value: entry.contact },
    {
      key: "evidence",
      value: (
        <>
          {entry.evidenceLevel}
          <span className="entry-facts__note">{t("entry.evidenceNote")}</span>
        </>
      ),
    },
  ] as const;
  return (
    <>
      <dl className="entry-facts">
        {facts
          .filter((fact) => fact.value)
          .map((fact) => (
            <div key={fact.key} className="entry-facts__item">
              <dt className="entry-facts__key">{t(`entry.facts.${fact.key}`)}</dt>
              <dd className="entry-facts__value" lang="nl">
                {fact.value}
              </dd>
            </div>
          ))}
      </dl>
      {entry.keyElements.length > 0 && (
        <section aria-labelledby={`${idPrefix}-kernelementen`} className="entry__section">
          <Heading id={`${idPrefix}-kernelementen`}>{t("entry.keyElements")}</Heading>
          <UnorderedList lang="nl">
            {entry.keyElements.map((element) => (
              <UnorderedListItem key={element}>{element}</UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}
      {entry.results.length > 0 && (
        <section aria-labelledby={`${idPrefix}-resultaten`} className="entry__section">
          <Heading id={`${idPrefix}-resultaten`}>{t("entry.results")}</Heading>
          <UnorderedList lang="nl">
            {entry.results.map((result) => (
              <UnorderedListItem key={result}>{result}</UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}
    </>
  );
}
