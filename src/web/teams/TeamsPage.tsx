import { type FormEvent, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { teamInputSchema } from "../../domain/teams/inputs.ts";
import { ApiError } from "../api/client.ts";
import { teamsApi } from "../api/teams.ts";
import { Loading } from "../app/Loading.tsx";
import { AppLink } from "../app/links.tsx";
import { PageHeading } from "../app/PageHeading.tsx";
import { useLoad } from "../app/useLoad.ts";
import { Alert, Button, Heading2, Paragraph, Textbox } from "../app/utrecht.tsx";
import { useTeamsT } from "./i18n/index.ts";
import { Field, FormAlert, focusFirstInvalid } from "./ui/Field.tsx";
import { Frame, PageLoadError, RequireAccount } from "./ui/Frame.tsx";
import { useDraft } from "./ui/useDraft.ts";
import "../app/zod.ts";

/** `/teams`: the teams you are in, and a form to start a new one. */
export function TeamsPage() {
  const t = useTeamsT();
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
  const t = useTeamsT();
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
type Errors = Partial<Record<keyof Draft | "form", string>>;

function NewTeamForm() {
  const t = useTeamsT();
  const navigate = useNavigate();
  const [draft, setDraft, clearDraft] = useDraft<Draft>("nieuw-team", { name: "", organisation: "", region: "" });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const change = (field: keyof Draft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = teamInputSchema.safeParse(draft);
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "form") as keyof Errors;
        found[field] ??= field === "name" ? issue.message : `${t(`teams.fields.${field as keyof Draft}`)} ${issue.message}`;
      }
      setErrors(found);
      return focusFirstInvalid(form.current);
    }
    setBusy(true);
    try {
      const { id } = await teamsApi.create(parsed.data);
      clearDraft();
      navigate(`/teams/${id}`, { state: { created: true } });
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(0, "network");
      const field = e.field && e.field in draft ? (e.field as keyof Draft) : "form";
      setErrors({ [field]: e.transient ? t("common.network") : e.message });
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="nieuw-team" className="panel">
      <Heading2 id="nieuw-team">{t("teams.new.title")}</Heading2>
      <Paragraph>{t("teams.new.intro")}</Paragraph>
      <form ref={form} noValidate onSubmit={(e) => void submit(e)} className="stack-form">
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
