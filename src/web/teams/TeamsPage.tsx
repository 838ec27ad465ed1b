import "./teams.css";
import { useLocation, useNavigate } from "react-router";
import { teamInputSchema } from "../../domain/teams/inputs.ts";
import { teamsApi } from "../api/teams.ts";
import { Loading } from "../app/Loading.tsx";
import { AppLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { Field, FormAlert } from "../app/ui/Field.tsx";
import { Frame, PageLoadError, RequireAccount } from "../app/ui/Frame.tsx";
import { useDraft } from "../app/ui/useDraft.ts";
import { checkedBy, useForm } from "../app/ui/useForm.ts";
import { useLoad } from "../app/useLoad.ts";
import { Alert, Button, Heading2, Paragraph, Textbox } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";
import "../app/zod.ts";

/** `/teams`: the teams you are in, and a form to start a new one. */
export function TeamsPage() {
  const { t } = useTranslation();
  const title = t("teams.list.title");
  return (
    <Frame>
      <RequireAccount title={title} text={t("teams.list.signInText")}>
        <MyTeams title={title} />
      </RequireAccount>
    </Frame>
  );
}

function MyTeams({ title }: { title: string }) {
  const { t } = useTranslation();
  const { state } = useLocation() as { state: { deletedTeam?: string } | null };
  const load = useLoad((signal) => teamsApi.list(signal), []);
  if (load.status === "loading") return <Loading />;
  if (load.status === "error") return <PageLoadError title={title} error={load.error} retry={load.retry} />;
  const teams = load.data;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {state?.deletedTeam && (
        <Alert type="ok" role="status">
          <Paragraph>{t("teams.list.deleted", { name: state.deletedTeam })}</Paragraph>
        </Alert>
      )}
      <Paragraph appearance="lead">{t("teams.list.intro")}</Paragraph>
      <section aria-labelledby="mijn-teams">
        <Heading2 id="mijn-teams">{t("teams.list.mine")}</Heading2>
        {teams.length === 0 ? (
          <Paragraph>{t("teams.list.none")}</Paragraph>
        ) : (
          <ul className="card-list">
            {teams.map((team) => (
              <li key={team.id} className="card">
                <AppLink to={`/teams/${team.id}`} className="card__title">
                  {team.name}
                </AppLink>
                <span className="card__meta">
                  {[team.organisation, team.region].filter(Boolean).join(" · ")}
                  {(team.organisation || team.region) && " · "}
                  {t(`teams.roles.${team.role}`)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <NewTeamForm />
    </>
  );
}

type Draft = { name: string; organisation: string; region: string };
const FIELDS = ["name", "organisation", "region"] as const;

function NewTeamForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft, clearDraft] = useDraft<Draft>("nieuw-team", { name: "", organisation: "", region: "" });
  const { form, errors, busy, onSubmit, clearError } = useForm(
    () =>
      checkedBy(teamInputSchema.safeParse(draft), FIELDS, (field, issue) =>
        field === "name" || field === "form" ? issue.message : `${t(`teams.fields.${field}`)} ${issue.message}`,
      ),
    async (input) => {
      const { id } = await teamsApi.create(input);
      clearDraft();
      navigate(`/teams/${id}`, { state: { created: true } });
    },
    { fields: FIELDS },
  );

  const change = (field: keyof Draft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    clearError(field);
  };

  return (
    <section aria-labelledby="nieuw-team" className="panel">
      <Heading2 id="nieuw-team">{t("teams.new.title")}</Heading2>
      <Paragraph>{t("teams.new.intro")}</Paragraph>
      <form ref={form} noValidate onSubmit={(e) => void onSubmit(e)} className="stack-form">
        <FormAlert message={errors.form} />
        <Field id="team-naam" label={t("teams.fields.name")} description={t("teams.fields.nameHint")} error={errors.name}>
          {(props) => <Textbox {...props} value={draft.name} required maxLength={120} onChange={(e) => change("name", e.target.value)} />}
        </Field>
        <Field id="team-organisatie" label={t("teams.fields.organisation")} description={t("common.optional")} error={errors.organisation}>
          {(props) => (
            <Textbox
              {...props}
              value={draft.organisation}
              maxLength={200}
              autoComplete="organization"
              onChange={(e) => change("organisation", e.target.value)}
            />
          )}
        </Field>
        <Field id="team-regio" label={t("teams.fields.region")} description={t("common.optional")} error={errors.region}>
          {(props) => <Textbox {...props} value={draft.region} maxLength={200} onChange={(e) => change("region", e.target.value)} />}
        </Field>
        <div>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {t("teams.new.submit")}
          </Button>
        </div>
      </form>
    </section>
  );
}
