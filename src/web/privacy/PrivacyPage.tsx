import "../app/ui/kit.css";
import { MIN_ANONYMITY_THRESHOLD } from "../../domain/teams/perspectives.ts";
import { DEFAULT_RETENTION_MONTHS } from "../../domain/teams/retention.ts";
import { privacyApi } from "../api/privacy.ts";
import { SectionsPage } from "../app/ui/SectionsPage.tsx";
import { useLoad } from "../app/useLoad.ts";
import { Paragraph, UnorderedList, UnorderedListItem } from "../app/utrecht.tsx";
import { type PrivacyKey, useTranslation } from "./i18n.ts";

type Section = { id: string; title: PrivacyKey; paragraphs?: PrivacyKey[]; items?: PrivacyKey[] };

const SECTIONS: Section[] = [
  {
    id: "in-het-kort",
    title: "privacy.short.title",
    items: [
      "privacy.short.solo",
      "privacy.short.respondents",
      "privacy.short.accounts",
      "privacy.short.retention",
      "privacy.short.noTracking",
    ],
  },
  {
    id: "check-zonder-account",
    title: "privacy.solo.title",
    paragraphs: ["privacy.solo.what", "privacy.solo.link", "privacy.solo.retention", "privacy.solo.delete"],
  },
  {
    id: "account",
    title: "privacy.accounts.title",
    paragraphs: ["privacy.accounts.what", "privacy.accounts.password", "privacy.accounts.sessions", "privacy.accounts.team"],
  },
  {
    id: "meedoen-aan-een-meting",
    title: "privacy.respondents.title",
    paragraphs: [
      "privacy.respondents.what",
      "privacy.respondents.personal",
      "privacy.respondents.groups",
      "privacy.respondents.dontKnow",
      "privacy.respondents.steps",
      "privacy.respondents.minimum",
      "privacy.respondents.same",
      "privacy.respondents.once",
      "privacy.respondents.exports",
    ],
  },
  {
    id: "bewaartermijn",
    title: "privacy.retention.title",
    paragraphs: [
      "privacy.retention.closes",
      "privacy.retention.raw",
      "privacy.retention.aggregates",
      "privacy.retention.solo",
      "privacy.retention.delete",
    ],
  },
  { id: "kennisbank", title: "privacy.moderation.title", paragraphs: ["privacy.moderation.what"] },
  { id: "cookies", title: "privacy.cookies.title", paragraphs: ["privacy.cookies.what", "privacy.cookies.storage"] },
  { id: "rechten", title: "privacy.rights.title", paragraphs: ["privacy.rights.what", "privacy.rights.complaint"] },
];

/**
 * Texts naming how long a solo check is kept: that period is the installation's (SOLO_CHECK_RETENTION_MONTHS), read
 * from /api/privacy; until it is known (or when it cannot be read) the same text without the number is shown.
 */
const WITHOUT_PERIOD: Partial<Record<PrivacyKey, PrivacyKey>> = {
  "privacy.short.retention": "privacy.short.retentionPending",
  "privacy.solo.retention": "privacy.solo.retentionPending",
  "privacy.retention.solo": "privacy.retention.soloPending",
};

/** `/privacy`: what the tool stores, for whom, for how long, and what it does not do (AVG), in plain words. */
export function PrivacyPage() {
  const { t } = useTranslation();
  const title = t("privacy.title");
  const periods = useLoad((signal) => privacyApi.get(signal), []);
  const soloMonths = periods.status === "ready" ? periods.data.soloCheckRetentionMonths : undefined;
  const values = { threshold: MIN_ANONYMITY_THRESHOLD, months: DEFAULT_RETENTION_MONTHS, soloMonths };
  const text = (key: PrivacyKey) => t(soloMonths === undefined ? (WITHOUT_PERIOD[key] ?? key) : key, values);
  return (
    <SectionsPage
      title={title}
      intro={t("privacy.intro")}
      tocId="privacy-inhoud"
      tocTitle={t("privacy.toc")}
      sections={SECTIONS.map((section) => ({
        id: section.id,
        title: t(section.title),
        body: (
          <>
            {section.paragraphs?.map((key) => (
              <Paragraph key={key}>{text(key)}</Paragraph>
            ))}
            {section.items && (
              <UnorderedList>
                {section.items.map((key) => (
                  <UnorderedListItem key={key}>{text(key)}</UnorderedListItem>
                ))}
              </UnorderedList>
            )}
          </>
        ),
      }))}
    >
      <Paragraph className="hint">{t("privacy.updated")}</Paragraph>
    </SectionsPage>
  );
}
