import "./comparison.css";
import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { comparisonApi, type Spiegel } from "../../api/comparison.ts";
import type { Team } from "../../api/teams.ts";
import { useTeamFormat } from "../../app/format.ts";
import { AppLink } from "../../app/links.tsx";
import { CopyLink } from "../../app/ui/CopyLink.tsx";
import { Field, FormAlert } from "../../app/ui/Field.tsx";
import { apiMessage, useAction } from "../../app/ui/useAction.ts";
import { useLoad } from "../../app/useLoad.ts";
import { Button, Heading2, Heading3, Paragraph, Textbox, UnorderedList, UnorderedListItem } from "../../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

/**
 * On the team page: sharing figures with peers (coordinators switch it), links to each round's comparison, and the
 * cross-organisation spiegels (coordinators invite, accept and stop; every member can look).
 */
export function PeersSection({ team, onChanged }: { team: Team; onChanged: () => void }) {
  const { t } = useTranslation();
  const coordinator = team.myRole === "coordinator";
  return (
    <section aria-labelledby="vergelijken" className="team-section peers">
      <Heading2 id="vergelijken">{t("comparison.section.title")}</Heading2>
      <Paragraph>{t("comparison.section.intro")}</Paragraph>
      {coordinator ? (
        <Sharing team={team} onChanged={onChanged} />
      ) : (
        <Paragraph>{team.shareAggregates ? t("comparison.section.sharingOn") : t("comparison.section.notSharingMember")}</Paragraph>
      )}
      {team.shareAggregates &&
        (team.rounds.length === 0 ? (
          <Paragraph>{t("comparison.section.noRounds")}</Paragraph>
        ) : (
          <nav aria-label={t("comparison.section.roundsLabel")}>
            <UnorderedList className="peers__rounds">
              {team.rounds.map((round) => (
                <UnorderedListItem key={round.id}>
                  <AppLink to={`/teams/${team.id}/metingen/${round.id}/vergelijking`}>
                    {t("comparison.section.compare", { round: round.name })}
                  </AppLink>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </nav>
        ))}
      <Spiegels teamId={team.id} coordinator={coordinator} />
    </section>
  );
}

function Sharing({ team, onChanged }: { team: Team; onChanged: () => void }) {
  const { t } = useTranslation();
  const action = useAction();
  const format = useTeamFormat();
  const [saved, setSaved] = useState<string | null>(null);
  // The box follows the click at once; it turns back when saving fails.
  const [shared, setShared] = useState(team.shareAggregates);
  const toggle = (share: boolean) => {
    setShared(share);
    setSaved(null);
    void action
      .run(async () => {
        const { takesEffectOn } = await comparisonApi.setSharing(team.id, share);
        setSaved(takesEffectOn);
        onChanged();
      })
      .then((ok) => {
        if (!ok) setShared(!share);
      });
  };
  return (
    <div className="choice peers__share">
      <input
        id="delen-met-anderen"
        type="checkbox"
        className="utrecht-checkbox utrecht-checkbox--html-input choice__input"
        checked={shared}
        disabled={action.busy}
        aria-describedby="delen-met-anderen-uitleg"
        onChange={(e) => toggle(e.target.checked)}
      />
      <div className="choice__text">
        <label htmlFor="delen-met-anderen" className="choice__label">
          {t("comparison.section.share")}
        </label>
        <p id="delen-met-anderen-uitleg" className="utrecht-form-field-description">
          {t("comparison.section.shareHint")}
        </p>
        <p role="status" className="inline-status">
          {saved &&
            `✓ ${t("comparison.section.saved")}: ${shared ? t("comparison.section.sharingOn") : t("comparison.section.sharingOff")} ${t(
              "comparison.section.takesEffect",
              { date: format.date(saved) },
            )}`}
        </p>
        <FormAlert message={action.error} />
      </div>
    </div>
  );
}

function Spiegels({ teamId, coordinator }: { teamId: string; coordinator: boolean }) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const load = useLoad((signal) => comparisonApi.spiegels(teamId, signal), [teamId]);
  const action = useAction();
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string | undefined>();
  const [notice, setNotice] = useState("");
  const list: Spiegel[] = load.status === "ready" ? load.data : [];
  const active = list.filter((s) => s.otherTeamName !== null);
  const pending = list.filter((s) => s.otherTeamName === null && s.invitedByUs);

  const run = (work: () => Promise<void>, done: string) =>
    void action.run(async () => {
      setNotice("");
      await work();
      setNotice(done);
      load.retry();
    });
  const accept = () => {
    if (!code.trim()) return setCodeError(t("comparison.spiegel.unknownCode"));
    void action.run(
      async () => {
        await comparisonApi.accept(teamId, code.trim());
        setCode("");
        setCodeError(undefined);
        setNotice(t("comparison.spiegel.accepted"));
        load.retry();
      },
      (error) =>
        setCodeError(
          error instanceof ApiError && error.status === 404 ? t("comparison.spiegel.unknownCode") : apiMessage(error, t("common.network")),
        ),
    );
  };

  return (
    <div className="peers__spiegels">
      <Heading3 id="spiegel-ander-team">{t("comparison.spiegel.title")}</Heading3>
      <Paragraph>{t("comparison.spiegel.intro")}</Paragraph>
      {active.length === 0 && load.status === "ready" && <Paragraph>{t("comparison.spiegel.none")}</Paragraph>}
      {active.length > 0 && (
        <UnorderedList className="peers__list">
          {active.map((s) => (
            <UnorderedListItem key={s.id}>
              <AppLink to={`/teams/${teamId}/spiegels/${s.id}`}>{t("comparison.spiegel.view", { team: s.otherTeamName ?? "" })}</AppLink>
              {coordinator && (
                <Button
                  appearance="secondary-action-button"
                  className="peers__stop"
                  busy={action.busy}
                  onClick={() => run(() => comparisonApi.withdraw(teamId, s.id), t("comparison.spiegel.stopped"))}
                >
                  {t("comparison.spiegel.stop", { team: s.otherTeamName ?? "" })}
                </Button>
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {coordinator && (
        <>
          {pending.map((s) => (
            <div key={s.id} className="peers__pending">
              <Paragraph>{t("comparison.spiegel.pending", { date: format.date(s.createdAt) })}</Paragraph>
              {s.code && (
                <CopyLink
                  id={`spiegel-code-${s.id}`}
                  url={s.code}
                  label={t("comparison.spiegel.codeLabel")}
                  buttonLabel={t("comparison.spiegel.copy")}
                />
              )}
              <Button
                appearance="secondary-action-button"
                busy={action.busy}
                onClick={() => run(() => comparisonApi.withdraw(teamId, s.id), t("comparison.spiegel.stopped"))}
              >
                {t("comparison.spiegel.withdrawInvite")}
              </Button>
            </div>
          ))}
          <div className="button-row">
            <Button
              appearance="secondary-action-button"
              busy={action.busy}
              onClick={() => run(async () => void (await comparisonApi.invite(teamId)), "")}
            >
              {t("comparison.spiegel.invite")}
            </Button>
          </div>
          <form
            className="stack-form peers__accept"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              accept();
            }}
          >
            <Field
              id="spiegel-code"
              label={t("comparison.spiegel.acceptLabel")}
              description={t("comparison.spiegel.acceptHint")}
              error={codeError}
            >
              {(props) => (
                <Textbox
                  {...props}
                  value={code}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => {
                    setCode(e.target.value);
                    setCodeError(undefined);
                  }}
                />
              )}
            </Field>
            <div className="button-row">
              <Button type="submit" appearance="primary-action-button" busy={action.busy}>
                {t("comparison.spiegel.accept")}
              </Button>
            </div>
          </form>
        </>
      )}
      <p role="status" className="inline-status">
        {notice && `✓ ${notice}`}
      </p>
      {!codeError && <FormAlert message={action.error} />}
    </div>
  );
}
