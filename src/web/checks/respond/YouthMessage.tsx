import { Heading2 } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";

/** The team's message to the young people, after the round closed. */
export function YouthMessage({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="bericht-van-het-team">
      <Heading2 id="bericht-van-het-team">{t("respond.youth.messageTitle")}</Heading2>
      <p className="respond__message" lang="nl">
        {message}
      </p>
    </section>
  );
}
