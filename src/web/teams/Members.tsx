import { Button, Heading2, Heading3, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { ApiError } from "../api/client.ts";
import { type Role, type Team, teamsApi } from "./api.ts";
import { useTeamsT } from "./i18n/index.ts";
import { CopyLink } from "./ui/CopyLink.tsx";
import { FormAlert } from "./ui/Field.tsx";

/** Who is in the team, and (for coordinators) invite links for members and co-coordinators. */
export function Members({ team, onChanged }: { team: Team; onChanged: () => void }) {
  const t = useTeamsT();
  const coordinator = team.myRole === "coordinator";
  return (
    <section aria-labelledby="teamleden" className="team-section">
      <Heading2 id="teamleden">{t("members.title", { count: team.members.length })}</Heading2>
      <ul className="member-list">
        {team.members.map((member) => (
          <li key={member.userId} className="member-list__item">
            <span className="member-list__name">{member.name}</span>
            {coordinator && <span className="member-list__email">{member.email}</span>}
            <span className={`role-badge role-badge--${member.role}`}>{t(`teams.roles.${member.role}`)}</span>
          </li>
        ))}
      </ul>
      {coordinator && <Invites teamId={team.id} />}
      {coordinator && team.members.length > 1 && <RemoveMember team={team} onRemoved={onChanged} />}
    </section>
  );
}

function Invites({ teamId }: { teamId: string }) {
  const t = useTeamsT();
  const [links, setLinks] = useState<Partial<Record<Role, string>>>({});
  const [busy, setBusy] = useState<Role | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function create(role: Role) {
    setBusy(role);
    setError(null);
    try {
      const { url } = await teamsApi.invite(teamId, role);
      setLinks((current) => ({ ...current, [role]: url }));
    } catch (e) {
      setError(e instanceof ApiError && !e.transient ? e.message : t("common.network"));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="panel invites">
      <Heading3>{t("invites.title")}</Heading3>
      <Paragraph>{t("invites.intro")}</Paragraph>
      <FormAlert message={error} />
      {(["member", "coordinator"] as const).map((role) => (
        <div key={role} className="invites__role">
          {links[role] ? (
            <CopyLink
              id={`uitnodiging-${role}`}
              url={links[role]}
              label={t(`invites.${role}.label`)}
              buttonLabel={
                <>
                  {t("common.copyLink")}
                  <span className="visually-hidden"> {t(`invites.${role}.for`)}</span>
                </>
              }
            />
          ) : (
            <Button appearance="secondary-action-button" busy={busy === role} onClick={() => void create(role)}>
              {t(`invites.${role}.create`)}
            </Button>
          )}
        </div>
      ))}
      <Paragraph className="hint">{t("invites.note")}</Paragraph>
    </div>
  );
}

/** Removing someone: choose, then confirm; the only coordinator cannot remove themselves (the API says why). */
function RemoveMember({ team, onRemoved }: { team: Team; onRemoved: () => void }) {
  const t = useTeamsT();
  const [userId, setUserId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const member = team.members.find((m) => m.userId === userId);

  async function remove() {
    if (!member) return;
    setBusy(true);
    setError(null);
    try {
      await teamsApi.removeMember(team.id, member.userId);
      setConfirming(false);
      setUserId("");
      onRemoved();
    } catch (e) {
      setError(e instanceof ApiError && !e.transient ? e.message : t("common.network"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="remove-member">
      <summary>{t("members.remove.summary")}</summary>
      <div className="remove-member__body">
        <FormAlert message={error} />
        <label htmlFor="lid-verwijderen" className="utrecht-form-label">
          {t("members.remove.label")}
        </label>
        <select
          id="lid-verwijderen"
          className="utrecht-select utrecht-select--html-select"
          value={userId}
          onChange={(e) => {
            setUserId(e.target.value);
            setConfirming(false);
          }}
        >
          <option value="">{t("members.remove.choose")}</option>
          {team.members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name} ({t(`teams.roles.${m.role}`)})
            </option>
          ))}
        </select>
        {member && !confirming && (
          <Button appearance="secondary-action-button" onClick={() => setConfirming(true)}>
            {t("members.remove.button", { name: member.name })}
          </Button>
        )}
        {member && confirming && (
          <div className="confirm">
            <Paragraph>{t("members.remove.confirm", { name: member.name })}</Paragraph>
            <div className="button-row">
              <Button appearance="primary-action-button" hint="danger" busy={busy} onClick={() => void remove()}>
                {t("members.remove.yes", { name: member.name })}
              </Button>
              <Button appearance="secondary-action-button" onClick={() => setConfirming(false)}>
                {t("common.cancel")}
              </Button>
            </div>
          </div>
        )}
      </div>
    </details>
  );
}
