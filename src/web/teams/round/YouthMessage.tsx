import { useState } from "react";
import { youthMessageInputSchema } from "../../../domain/teams/inputs.ts";
import { teamsApi } from "../../api/teams.ts";
import { Field, FormAlert } from "../../app/ui/Field.tsx";
import { useAction } from "../../app/ui/useAction.ts";
import { invalid, useForm } from "../../app/ui/useForm.ts";
import { Button, Heading2, Paragraph, Textarea } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import "../../app/zod.ts";

const MAX = 2000;

type Props = { roundId: string; message: string | null; canEdit: boolean; onChanged: () => void };

/**
 * "Bericht aan de jongeren": after a round that asked young people is closed, coordinators tell them in plain language
 * what the team does with their answers. The youth link shows it; members see what is published.
 */
export function YouthMessage({ roundId, message, canEdit, onChanged }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(message ?? "");
  const [done, setDone] = useState<"saved" | "withdrawn" | null>(null);
  const withdraw = useAction();
  const save = useForm(
    () => {
      const parsed = youthMessageInputSchema.safeParse({ message: text });
      if (!parsed.success) return invalid({ message: t("round.youthMessage.tooLong", { max: MAX }) });
      if (parsed.data.message === null) return invalid({ message: t("round.youthMessage.empty") });
      return { value: parsed.data.message };
    },
    async (message) => {
      const { youthMessage } = await teamsApi.setYouthMessage(roundId, message);
      setText(youthMessage ?? "");
      setDone("saved");
      onChanged();
    },
  );

  async function remove() {
    setDone(null);
    save.clearError("message");
    const ok = await withdraw.run(async () => {
      await teamsApi.setYouthMessage(roundId, null);
      setText("");
    });
    if (ok) {
      setDone("withdrawn");
      onChanged();
    }
  }

  return (
    <section aria-labelledby="bericht-jongeren" className="team-section youth-message">
      <Heading2 id="bericht-jongeren">{t("round.youthMessage.title")}</Heading2>
      <Paragraph>{t("round.youthMessage.intro")}</Paragraph>
      {message ? (
        <>
          <Paragraph>{t("round.youthMessage.published")}</Paragraph>
          <blockquote className="youth-message__published" lang="nl">
            {message}
          </blockquote>
        </>
      ) : (
        <Paragraph>{t("round.youthMessage.none")}</Paragraph>
      )}
      {canEdit && (
        <form
          ref={save.form}
          noValidate
          onSubmit={(e) => {
            setDone(null);
            void save.onSubmit(e);
          }}
          aria-labelledby="bericht-jongeren"
          className="panel stack-form"
        >
          <FormAlert message={save.errors.form ?? withdraw.error} />
          <Field
            id="bericht-jongeren-tekst"
            label={t("round.youthMessage.label")}
            description={t("round.youthMessage.hint", { max: MAX })}
            error={save.errors.message}
          >
            {(props) => (
              <Textarea
                {...props}
                rows={6}
                maxLength={MAX}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  save.clearError("message");
                }}
              />
            )}
          </Field>
          <div className="button-row">
            <Button type="submit" appearance="primary-action-button" busy={save.busy}>
              {t("round.youthMessage.save")}
            </Button>
            {message && (
              <Button appearance="secondary-action-button" busy={withdraw.busy} onClick={() => void remove()}>
                {t("round.youthMessage.withdraw")}
              </Button>
            )}
          </div>
        </form>
      )}
      <p role="status" className="inline-status">
        {done === "saved" && `✓ ${t("round.youthMessage.saved")}`}
        {done === "withdrawn" && `✓ ${t("round.youthMessage.withdrawn")}`}
      </p>
    </section>
  );
}
