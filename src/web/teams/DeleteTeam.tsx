import { useRef, useState } from "react";
import { useNavigate } from "react-router";
import { ApiError } from "../api/client.ts";
import { type Team, teamsApi } from "../api/teams.ts";
import { Field, FormAlert } from "../app/ui/Field.tsx";
import { Button, Heading2, Paragraph, Textbox, UnorderedList, UnorderedListItem } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

/** Deleting a team: a first button opens a confirmation that names everything that goes, and asks for the team name. */
export function DeleteTeam({ team }: { team: Team }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const responses = team.rounds.reduce((sum, r) => sum + Object.values(r.responses).reduce((a, n) => a + n, 0), 0);

  function start() {
    setOpen(true);
    requestAnimationFrame(() => confirmHeading.current?.focus());
  }

  async function remove() {
    if (typed.trim() !== team.name.trim()) {
      setFieldError(t("deleteTeam.typeMismatch", { name: team.name }));
      document.getElementById("verwijder-team-naam")?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await teamsApi.remove(team.id);
      navigate("/teams", { replace: true, state: { deletedTeam: team.name } });
    } catch (e) {
      setError(e instanceof ApiError && !e.transient ? e.message : t("common.network"));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="team-verwijderen" className="team-section danger-zone">
      <Heading2 id="team-verwijderen">{t("deleteTeam.title")}</Heading2>
      {!open ? (
        <>
          <Paragraph>{t("deleteTeam.intro")}</Paragraph>
          <Button appearance="secondary-action-button" hint="danger" onClick={start}>
            {t("deleteTeam.start")}
          </Button>
        </>
      ) : (
        <div className="confirm">
          <h3 ref={confirmHeading} tabIndex={-1} className="confirm__title">
            {t("deleteTeam.confirmTitle", { name: team.name })}
          </h3>
          <Paragraph>{t("deleteTeam.whatGoes")}</Paragraph>
          <UnorderedList>
            <UnorderedListItem>{t("deleteTeam.items.members", { count: team.members.length })}</UnorderedListItem>
            <UnorderedListItem>{t("deleteTeam.items.rounds", { count: team.rounds.length })}</UnorderedListItem>
            <UnorderedListItem>{t("deleteTeam.items.responses", { count: responses })}</UnorderedListItem>
            <UnorderedListItem>{t("deleteTeam.items.plan")}</UnorderedListItem>
            <UnorderedListItem>{t("deleteTeam.items.links")}</UnorderedListItem>
          </UnorderedList>
          <Paragraph>
            <strong>{t("deleteTeam.irreversible")}</strong>
          </Paragraph>
          <FormAlert message={error} />
          <Field id="verwijder-team-naam" label={t("deleteTeam.typeLabel", { name: team.name })} error={fieldError}>
            {(props) => (
              <Textbox
                {...props}
                value={typed}
                autoComplete="off"
                onChange={(e) => {
                  setTyped(e.target.value);
                  setFieldError(undefined);
                }}
              />
            )}
          </Field>
          <div className="button-row">
            <Button appearance="primary-action-button" hint="danger" busy={busy} onClick={() => void remove()}>
              {t("deleteTeam.confirm")}
            </Button>
            <Button appearance="secondary-action-button" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
