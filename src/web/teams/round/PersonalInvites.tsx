import { useState } from "react";
import { personalInvitesInputSchema } from "../../../domain/teams/inputs.ts";
import { ApiError } from "../../api/client.ts";
import { type PersonalInvites as Invites, teamsApi } from "../../api/teams.ts";
import { type Perspective, useTeamFormat } from "../../app/format.ts";
import { Field, FormAlert } from "../../app/ui/Field.tsx";
import { invalid, useForm } from "../../app/ui/useForm.ts";
import { Alert, Button, Heading2, Paragraph, Select, SelectOption, Textarea } from "../../app/utrecht.tsx";
import { useTranslation } from "../i18n.ts";
import "../../app/zod.ts";

type Outcome = { sent: number; failed: number };

/** The addresses typed one per line or separated by commas (or semicolons, as mail programs copy them), without doubles. */
function parseAddresses(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

type Props = {
  roundId: string;
  /** The groups the round asks: only they can be invited. */
  perspectives: Perspective[];
  invites: Invites;
  open: boolean;
  onSent: () => void;
};

/**
 * "Persoonlijke uitnodigingen": the server mails single-use links. The coordinator never sees them, and the addresses
 * live only in this form's state (not in a stored draft): after sending they are cleared, and only counts remain.
 */
export function PersonalInvites({ roundId, perspectives, invites, open, onSent }: Props) {
  const { t } = useTranslation();
  const format = useTeamFormat();
  const [chosen, setPerspective] = useState<Perspective | null>(null);
  const perspective = chosen !== null && perspectives.includes(chosen) ? chosen : (perspectives[0] ?? "professional");
  const [addresses, setAddresses] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { form, errors, busy, onSubmit, clearError } = useForm(
    () => {
      const list = parseAddresses(addresses);
      // The same schema as the server: the addresses it would refuse are named here, before anything is sent.
      const parsed = personalInvitesInputSchema.safeParse({ perspective, addresses: list });
      if (parsed.success) return { value: parsed.data };
      const refused = parsed.error.issues.flatMap((issue) => (typeof issue.path[1] === "number" ? [list[issue.path[1]] ?? ""] : []));
      const other = parsed.error.issues.find((issue) => typeof issue.path[1] !== "number")?.message ?? "";
      return invalid<"perspective" | "addresses">({
        addresses:
          list.length === 0
            ? t("round.personal.empty")
            : refused.length > 0
              ? t("round.personal.invalid", { list: refused.join(", ") })
              : other.charAt(0).toUpperCase() + other.slice(1),
      });
    },
    async (input) => {
      const result = await teamsApi.sendPersonalInvites(roundId, input);
      setAddresses("");
      setOutcome(result);
      onSent();
    },
    {
      fields: ["perspective", "addresses"],
      // 429: the server limits how often invitations can be sent (a hijacked account must not become a spam relay).
      errorsOf: (e) => (e instanceof ApiError && e.status === 429 ? { form: t("round.personal.tooOften") } : undefined),
    },
  );

  return (
    <section aria-labelledby="persoonlijke-uitnodigingen" className="team-section">
      <Heading2 id="persoonlijke-uitnodigingen">{t("round.personal.title")}</Heading2>
      <Paragraph>{t("round.personal.intro")}</Paragraph>
      <ul className="response-counts" aria-label={t("round.personal.countsLabel")}>
        {perspectives.map((p) => (
          <li key={p}>
            <span className="response-counts__label">{format.perspective(p)}:</span>{" "}
            <span className="response-counts__value">{t("round.personal.counts", invites.counts[p])}</span>
          </li>
        ))}
      </ul>
      {!invites.available ? (
        <Alert type="info">
          <Paragraph>{t("round.personal.unavailable")}</Paragraph>
        </Alert>
      ) : !open ? (
        <Paragraph>{t("round.personal.closed")}</Paragraph>
      ) : (
        <form
          ref={form}
          noValidate
          onSubmit={(e) => {
            setOutcome(null);
            void onSubmit(e);
          }}
          aria-labelledby="persoonlijke-uitnodigingen"
          className="panel stack-form"
        >
          <FormAlert message={errors.form} />
          <Field id="uitnodiging-groep" label={t("round.personal.perspective")} error={errors.perspective}>
            {(props) => (
              <Select
                {...props}
                value={perspective}
                onChange={(e) => {
                  setPerspective(e.target.value as Perspective);
                  clearError("perspective");
                }}
              >
                {perspectives.map((p) => (
                  <SelectOption key={p} value={p}>
                    {format.perspective(p)}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <Field
            id="uitnodiging-adressen"
            label={t("round.personal.addresses")}
            description={t("round.personal.addressesHint")}
            error={errors.addresses}
          >
            {(props) => (
              <Textarea
                {...props}
                rows={6}
                value={addresses}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => {
                  setAddresses(e.target.value);
                  clearError("addresses");
                }}
              />
            )}
          </Field>
          <div>
            <Button type="submit" appearance="primary-action-button" busy={busy}>
              {t("round.personal.send")}
            </Button>
          </div>
        </form>
      )}
      <p role="status" className="inline-status">
        {outcome && `${outcome.sent > 0 ? "✓ " : ""}${t("round.personal.sent", { count: outcome.sent })}`}
      </p>
      {outcome && outcome.failed > 0 && (
        <Alert type="warning">
          <Paragraph>{t("round.personal.failed", { count: outcome.failed })}</Paragraph>
        </Alert>
      )}
    </section>
  );
}
