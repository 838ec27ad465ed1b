import { useEffect, useRef, useState } from "react";
import { ApiError } from "../api/client.ts";
import { type Role, type Team, type TeamInvite, teamsApi } from "../api/teams.ts";
import { useTeamFormat } from "../app/format.ts";
import { CopyLink } from "../app/ui/CopyLink.tsx";
import { FormAlert } from "../app/ui/Field.tsx";
import { apiMessage, useAction } from "../app/ui/useAction.ts";
import { Button, Heading2, Heading3, Paragraph } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

/** Who is in the team, and (for coordinators) invite links for members and co-coordinators. */
export function Members({ team, onChanged }: { team: Team; onChanged: () => void }) {
  const { t } = useTranslation();
  const coordinator = team.myRole === "coordinator";
  return (
    <section aria-labelledby="teamleden" className="team-section">
      <Heading2 id="teamleden">{t("members.title", { count: team.members.length })}</Heading2>
      <ul className="member-list">
        {team.members.map((member) => (
          <li key={member.userId} className="member-list__item">
            <span className="member-list__name">{member.name}</span>
            {coordinator && member.email && <span className="member-list__email">{member.email}</span>}
            <span className={`role-badge role-badge--${member.role}`}>{t(`teams.roles.${member.role}`)}</span>
          </li>
        ))}
      </ul>
      {coordinator && <Invites teamId={team.id} initial={team.invites ?? []} />}
      {coordinator && team.members.length > 1 && <RemoveMember team={team} onRemoved={onChanged} />}
    </section>
  );
}

/**
 * Invite links for members and co-coordinators: every link that still works, with its expiry date, to copy again or
 * to revoke; new links can always be made. After a revoke, focus goes to the announcement (the button is gone).
 */
function Invites({ teamId, initial }: { teamId: string; initial: TeamInvite[] }) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const [invites, setInvites] = useState(initial);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  // A new link: focus its field, so a keyboard or screen-reader user lands on what they just made.
  useEffect(() => {
    if (created) document.getElementById(`uitnodiging-${created}`)?.focus();
  }, [created]);

  const failed = (e: unknown) => setError(apiMessage(e, t("common.network")));

  async function create(role: Role) {
    setBusy(role);
    setError(null);
    setNotice(null);
    try {
      const invite = await teamsApi.invite(teamId, role);
      setInvites((current) => [...current, invite]);
      setCreated(invite.token);
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  }

  async function revoke(invite: TeamInvite) {
    setBusy(invite.token);
    setError(null);
    try {
      await teamsApi.revokeInvite(teamId, invite.token);
    } catch (e) {
      // Already revoked or expired elsewhere: it no longer works, which is what was asked.
      if (!(e instanceof ApiError && e.status === 404)) {
        failed(e);
        setBusy(null);
        return;
      }
    }
    setInvites((current) => current.filter((i) => i.token !== invite.token));
    setNotice(t("invites.revoked", { role: t(`invites.${invite.role}.for`) }));
    setBusy(null);
    noticeRef.current?.focus();
  }

  return (
    <div className="panel invites">
      <Heading3>{t("invites.title")}</Heading3>
      <Paragraph>{t("invites.intro")}</Paragraph>
      <FormAlert message={error} />
      <p className="invites__notice" role="status" tabIndex={-1} ref={noticeRef}>
        {notice}
      </p>
      {invites.length > 0 && (
        <ul className="invite-list">
          {invites.map((invite) => {
            const until = format.date(invite.expiresAt);
            return (
              <li key={invite.token} className="invite-list__item">
                <CopyLink
                  id={`uitnodiging-${invite.token}`}
                  url={invite.url}
                  label={t("invites.linkLabel", { role: t(`invites.${invite.role}.label`), until })}
                  buttonLabel={
                    <>
                      {t("common.copyLink")}
                      <span className="visually-hidden"> {t(`invites.${invite.role}.for`)}</span>
                    </>
                  }
                />
                <Button appearance="subtle-button" busy={busy === invite.token} onClick={() => void revoke(invite)}>
                  {t("invites.revoke")}
                  <span className="visually-hidden"> {t("invites.revokeWhich", { role: t(`invites.${invite.role}.for`), until })}</span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="button-row invites__create">
        {(["member", "coordinator"] as const).map((role) => (
          <Button key={role} appearance="secondary-action-button" busy={busy === role} onClick={() => void create(role)}>
            {t(`invites.${role}.create`)}
          </Button>
        ))}
      </div>
      <Paragraph className="hint">{t("invites.note")}</Paragraph>
    </div>
  );
}

/** Removing someone: choose, then confirm; the only coordinator cannot remove themselves (the API says why). */
function RemoveMember({ team, onRemoved }: { team: Team; onRemoved: () => void }) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction();
  const member = team.members.find((m) => m.userId === userId);

  async function remove() {
    if (!member) return;
    await run(async () => {
      await teamsApi.removeMember(team.id, member.userId);
      setConfirming(false);
      setUserId("");
      onRemoved();
    });
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
