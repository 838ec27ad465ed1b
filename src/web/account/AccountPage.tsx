import "./account.css";
import { useRef, useState } from "react";
import { type AccountOverview, type AccountTeam, AuthError, accountApi } from "../api/account.ts";
import { ApiError } from "../api/client.ts";
import { PasswordField } from "../app/auth/PasswordField.tsx";
import { clearSession, refreshSession } from "../app/auth/session.ts";
import { Loading } from "../app/Loading.tsx";
import { AppLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { Field, FormAlert } from "../app/ui/Field.tsx";
import { Frame, PageLoadError, RequireAccount } from "../app/ui/Frame.tsx";
import { checked, type FormErrors, invalid, useForm } from "../app/ui/useForm.ts";
import { useLoad } from "../app/useLoad.ts";
import { Alert, Button, Heading2, Paragraph, Select, SelectOption, UnorderedList, UnorderedListItem } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

/**
 * `/account`: the holder's data, the JSON download (AVG art. 15), the verification mail, what happens to their teams
 * and deleting the account (AVG art. 17).
 */
export function AccountPage() {
  const { t } = useTranslation();
  const title = t("account.page.title");
  const [deletedTeams, setDeletedTeams] = useState<string[] | null>(null);
  if (deletedTeams) {
    return (
      <Frame className="account-page">
        <PageHeading title={t("account.page.deleted.title")}>{t("account.page.deleted.title")}</PageHeading>
        <Alert type="ok" role="status">
          <Paragraph>{t("account.page.deleted.text")}</Paragraph>
          {deletedTeams.length > 0 && <Paragraph>{t("account.page.deleted.teams", { names: deletedTeams.join(", ") })}</Paragraph>}
        </Alert>
        <Paragraph>
          <AppLink to="/">{t("account.page.deleted.home")}</AppLink>
        </Paragraph>
      </Frame>
    );
  }
  return (
    <Frame className="account-page">
      <RequireAccount title={title} text={t("account.page.signInFirst")}>
        <AccountDetails title={title} onDeleted={setDeletedTeams} />
      </RequireAccount>
    </Frame>
  );
}

function AccountDetails({ title, onDeleted }: { title: string; onDeleted: (teams: string[]) => void }) {
  const { t } = useTranslation();
  const state = useLoad((signal) => accountApi.overview(signal), []);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageLoadError title={title} error={state.error} retry={state.retry} />;
  const { user, teams, moderator } = state.data;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph appearance="lead">{t("account.page.intro")}</Paragraph>

      <section aria-labelledby="account-gegevens" className="team-section">
        <Heading2 id="account-gegevens">{t("account.page.data.title")}</Heading2>
        <dl className="account-data">
          <div>
            <dt>{t("account.fields.name")}</dt>
            <dd>{user.name}</dd>
          </div>
          <div>
            <dt>{t("account.fields.email")}</dt>
            <dd>{user.email}</dd>
          </div>
          <div>
            <dt>{t("account.page.data.status")}</dt>
            <dd>{user.emailVerified ? t("account.page.data.verified") : t("account.page.data.unverified")}</dd>
          </div>
          {moderator && (
            <div>
              <dt>{t("account.page.data.role")}</dt>
              <dd>{t("account.page.data.moderator")}</dd>
            </div>
          )}
        </dl>
        {!user.emailVerified && <VerifyNotice email={user.email} />}
      </section>

      <section aria-labelledby="account-download" className="team-section">
        <Heading2 id="account-download">{t("account.page.download.title")}</Heading2>
        <Paragraph>{t("account.page.download.intro")}</Paragraph>
        <Paragraph>
          <a
            href={accountApi.exportUrl}
            download
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          >
            {t("account.page.download.link")}
          </a>
        </Paragraph>
        <Paragraph className="hint">{t("account.page.download.note")}</Paragraph>
      </section>

      <section aria-labelledby="account-teams" className="team-section">
        <Heading2 id="account-teams">{t("account.page.teams.title")}</Heading2>
        {teams.length === 0 ? (
          <Paragraph>{t("account.page.teams.none")}</Paragraph>
        ) : (
          <>
            <Paragraph>{t("account.page.teams.intro")}</Paragraph>
            <ul className="account-teams">
              {teams.map((team) => (
                <TeamItem key={team.id} team={team} onChanged={state.retry} />
              ))}
            </ul>
          </>
        )}
      </section>

      <DeleteAccount overview={state.data} onDeleted={onDeleted} onRefused={state.retry} />
    </>
  );
}

/** The address is not verified yet: what that means, and a button for a new mail. */
function VerifyNotice({ email }: { email: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<"idle" | "busy" | "sent" | "failed" | "tooMany">("idle");

  async function send() {
    setStatus("busy");
    try {
      await accountApi.sendVerification(email);
      setStatus("sent");
    } catch (e) {
      if (e instanceof AuthError && e.code === "EMAIL_ALREADY_VERIFIED") {
        await refreshSession();
        setStatus("sent");
      } else setStatus(e instanceof AuthError && e.status === 429 ? "tooMany" : "failed");
    }
  }

  return (
    <div className="panel verify-notice">
      <Paragraph>{t("account.page.verify.text")}</Paragraph>
      <div className="button-row">
        <Button appearance="secondary-action-button" busy={status === "busy"} onClick={() => void send()}>
          {t("account.page.verify.send")}
        </Button>
      </div>
      <div role="status" className="inline-status">
        {status === "sent" && <Paragraph>{t("account.page.verify.sent", { email })}</Paragraph>}
      </div>
      {status === "failed" && <FormAlert message={t("common.network")} />}
      {status === "tooMany" && <FormAlert message={t("account.errors.tooMany")} />}
    </div>
  );
}

/** One team and what deleting the account does to it; for the only coordinator, a hand-over form. */
function TeamItem({ team, onChanged }: { team: AccountTeam; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="account-team">
      <AppLink to={`/teams/${team.id}`} className="account-team__name">
        {team.name}
      </AppLink>{" "}
      <span className="account-team__role">
        ({team.role === "coordinator" ? t("account.page.teams.coordinator") : t("account.page.teams.member")})
      </span>
      <Paragraph className="account-team__fate">{t(`account.page.teams.fate.${team.fate}`)}</Paragraph>
      {team.fate === "choose" && <HandOver team={team} onDone={onChanged} />}
    </li>
  );
}

function HandOver({ team, onDone }: { team: AccountTeam; onDone: () => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(team.candidates[0]?.userId ?? "");
  const id = `overdragen-${team.id}`;
  const { errors, busy, onSubmit } = useForm(
    () => (chosen ? { value: chosen } : invalid({})),
    async (userId) => {
      await accountApi.makeCoordinator(team.id, userId);
      onDone();
    },
  );

  return (
    <form
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="hand-over"
      aria-label={t("account.page.teams.handOverLabel", { name: team.name })}
    >
      <FormAlert message={errors.form} />
      <Field id={id} label={t("account.page.teams.handOverField")}>
        {(props) => (
          <Select {...props} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {team.candidates.map((c) => (
              <SelectOption key={c.userId} value={c.userId}>
                {c.name}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <Button type="submit" appearance="secondary-action-button" busy={busy}>
        {t("account.page.teams.handOver")}
      </Button>
    </form>
  );
}

/** Deleting the account: a first button opens a confirmation naming what goes, asking for the password. */
function DeleteAccount({
  overview,
  onDeleted,
  onRefused,
}: {
  overview: AccountOverview;
  onDeleted: (teams: string[]) => void;
  onRefused: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [along, setAlong] = useState<Set<string>>(new Set());
  const heading = useRef<HTMLHeadingElement>(null);
  const choose = overview.teams.filter((team) => team.fate === "choose");
  const deleteAlong = overview.teams.filter((team) => team.fate === "deleteAlong");
  const leave = overview.teams.filter((team) => team.fate === "leave");

  function start() {
    setOpen(true);
    requestAnimationFrame(() => heading.current?.focus());
  }

  const { form, errors, busy, onSubmit, clearError } = useForm(
    () => {
      const found: FormErrors<"along" | "password"> = {};
      const undecided = choose.filter((team) => !along.has(team.id));
      if (undecided.length > 0) found.along = t("account.page.delete.undecided", { names: undecided.map((x) => x.name).join(", ") });
      if (password.length === 0) found.password = t("account.errors.passwordRequired");
      return checked(found, { password, deleteTeams: [...along] });
    },
    async (input) => {
      const result = await accountApi.remove(input);
      clearSession();
      onDeleted(result.deletedTeams);
    },
    {
      fields: ["password"],
      errorsOf: (e) => {
        if (!(e instanceof ApiError) || e.field === "password") return undefined;
        if (e.status === 409) {
          // Someone changed the team in the meantime: show why, and the teams as they are now.
          onRefused();
          return { form: e.message };
        }
        if (e.status === 429) return { form: t("account.errors.tooMany") };
        return undefined;
      },
    },
  );

  return (
    <section aria-labelledby="account-verwijderen" className="team-section danger-zone delete-account">
      <Heading2 id="account-verwijderen">{t("account.page.delete.title")}</Heading2>
      {!open ? (
        <>
          <Paragraph>{t("account.page.delete.intro")}</Paragraph>
          <Button appearance="secondary-action-button" hint="danger" onClick={start}>
            {t("account.page.delete.start")}
          </Button>
        </>
      ) : (
        <form ref={form} noValidate onSubmit={(e) => void onSubmit(e)} className="confirm">
          <h3 ref={heading} tabIndex={-1} className="confirm__title">
            {t("account.page.delete.confirmTitle")}
          </h3>
          <Paragraph>{t("account.page.delete.whatGoes")}</Paragraph>
          <UnorderedList>
            <UnorderedListItem>{t("account.page.delete.items.account")}</UnorderedListItem>
            <UnorderedListItem>{t("account.page.delete.items.sessions")}</UnorderedListItem>
            {leave.length > 0 && (
              <UnorderedListItem>{t("account.page.delete.items.leave", { names: leave.map((x) => x.name).join(", ") })}</UnorderedListItem>
            )}
            {deleteAlong.map((team) => (
              <UnorderedListItem key={team.id}>{t("account.page.delete.items.deleteAlong", { name: team.name })}</UnorderedListItem>
            ))}
            <UnorderedListItem>{t("account.page.delete.items.actions")}</UnorderedListItem>
          </UnorderedList>
          {choose.length > 0 && (
            <fieldset
              className={`utrecht-form-fieldset delete-along${errors.along ? " utrecht-form-field--invalid" : ""}`}
              aria-describedby={errors.along ? "verwijder-teams-fout" : undefined}
            >
              <legend className="utrecht-form-fieldset__legend">{t("account.page.delete.chooseLegend")}</legend>
              {errors.along && (
                <p id="verwijder-teams-fout" className="utrecht-form-field-error-message">
                  {errors.along}
                </p>
              )}
              {choose.map((team) => (
                <div key={team.id} className="show-password">
                  <input
                    id={`verwijder-team-${team.id}`}
                    type="checkbox"
                    aria-invalid={errors.along && !along.has(team.id) ? true : undefined}
                    checked={along.has(team.id)}
                    onChange={(e) => {
                      const next = new Set(along);
                      if (e.target.checked) next.add(team.id);
                      else next.delete(team.id);
                      setAlong(next);
                      clearError("along");
                    }}
                  />
                  <label htmlFor={`verwijder-team-${team.id}`}>{t("account.page.delete.deleteTeam", { name: team.name })}</label>
                </div>
              ))}
            </fieldset>
          )}
          <Paragraph>
            <strong>{t("account.page.delete.irreversible")}</strong>
          </Paragraph>
          <FormAlert message={errors.form} />
          <PasswordField
            id="verwijder-wachtwoord"
            label={t("account.page.delete.password")}
            error={errors.password}
            value={password}
            autoComplete="current-password"
            onChange={(value) => {
              setPassword(value);
              clearError("password");
            }}
          />
          <div className="button-row">
            <Button type="submit" appearance="primary-action-button" hint="danger" busy={busy}>
              {t("account.page.delete.confirm")}
            </Button>
            <Button appearance="secondary-action-button" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
