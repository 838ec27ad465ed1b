import { type FormEvent, useRef, useState } from "react";
import { youthMessageInputSchema } from "../../../domain/teams/inputs.ts";
import { teamsApi } from "../../api/teams.ts";
import { Button, Heading2, Paragraph, Textarea } from "../../app/utrecht.tsx";
import { useTeamsT } from "../i18n/index.ts";
import { Field, FormAlert, focusFirstInvalid } from "../ui/Field.tsx";
import { useAction } from "../ui/useAction.ts";
import "../../app/zod.ts";

const MAX = 2000;

type Props = { roundId: string; message: string | null; canEdit: boolean; onChanged: () => void };

/**
 * "Bericht aan de jongeren": after a round that asked young people is closed, coordinators tell them in plain language
 * what the team does with their answers. The youth link shows it; members see what is published.
 */
export function YouthMessage({ roundId, message, canEdit, onChanged }: Props) {
  const t = useTeamsT();
  const [text, setText] = useState(message ?? "");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [done, setDone] = useState<"saved" | "withdrawn" | null>(null);
  const save = useAction();
  const withdraw = useAction();
  const form = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const parsed = youthMessageInputSchema.safeParse({ message: text });
    const problem = !parsed.success
      ? t("round.youthMessage.tooLong", { max: MAX })
      : parsed.data.message === null
        ? t("round.youthMessage.empty")
        : null;
    setFieldError(problem);
    if (problem || !parsed.success) return focusFirstInvalid(form.current);
    const ok = await save.run(async () => {
      const { youthMessage } = await teamsApi.setYouthMessage(roundId, parsed.data.message);
      setText(youthMessage ?? "");
    });
    if (ok) {
      setDone("saved");
      onChanged();
    }
  }

  async function remove() {
    setDone(null);
    setFieldError(null);
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
        <form ref={form} noValidate onSubmit={(e) => void submit(e)} aria-labelledby="bericht-jongeren" className="panel stack-form">
          <FormAlert message={save.error ?? withdraw.error} />
          <Field
            id="bericht-jongeren-tekst"
            label={t("round.youthMessage.label")}
            description={t("round.youthMessage.hint", { max: MAX })}
            error={fieldError ?? undefined}
          >
            {(props) => (
              <Textarea
                {...props}
                rows={6}
                maxLength={MAX}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setFieldError(null);
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
