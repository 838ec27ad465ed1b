import type { ReactNode } from "react";
import { ACTION_STATUSES, PLAN_LIMITS } from "../../../domain/checks/plan.ts";
import type { Item } from "../../../domain/content/schema.ts";
import { FormFieldDescription, FormFieldErrorMessage, FormLabel, Select, SelectOption, Textarea, Textbox } from "../utrecht.tsx";
import type { ActionDraft, DraftField, FieldErrors } from "./actionFields.ts";
import { useTranslation } from "./i18n.ts";

/** A team plan lets an action have an owner in the team; its texts come from the team pages. */
export type OwnerOptions = {
  members: { userId: string; name: string }[];
  label: string;
  description: string;
  none: string;
  /** Replaces the description of "Wie" (then: someone outside the team). */
  whoDescription: string;
};

type Props = {
  idPrefix: string;
  draft: ActionDraft;
  errors: FieldErrors;
  factors: Item[];
  owner?: OwnerOptions;
  onChange(field: DraftField, value: string): void;
  onBlur?(field: DraftField): void;
};

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** Wat, wie, wanneer, status and factor of an action: labelled, described, with their errors next to them. */
export function ActionFields({ idPrefix, draft, errors, factors, owner, onChange, onBlur }: Props) {
  const { t } = useTranslation();
  const label = (name: DraftField) => (name === "ownerUserId" ? (owner?.label ?? "") : t(`plan.action.fields.${name}.label`));
  const description = (name: DraftField) =>
    name === "ownerUserId"
      ? (owner?.description ?? "")
      : name === "who" && owner
        ? owner.whoDescription
        : t(`plan.action.fields.${name}.description`);

  function field(name: DraftField, control: (props: ControlProps) => ReactNode) {
    const id = `${idPrefix}-${name}`;
    const descriptionId = `${id}-uitleg`;
    const errorId = `${id}-fout`;
    const error = errors[name];
    return (
      <div className={`utrecht-form-field action-field action-field--${name}${error ? " utrecht-form-field--invalid" : ""}`}>
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor={id}>{label(name)}</FormLabel>
        </div>
        <FormFieldDescription id={descriptionId} className="utrecht-form-field__description">
          {description(name)}
        </FormFieldDescription>
        {error && (
          <FormFieldErrorMessage id={errorId} className="utrecht-form-field__error-message">
            {error}
          </FormFieldErrorMessage>
        )}
        <div className="utrecht-form-field__input">
          {control({
            id,
            "aria-describedby": error ? `${errorId} ${descriptionId}` : descriptionId,
            invalid: Boolean(error),
            onBlur: () => onBlur?.(name),
          })}
        </div>
      </div>
    );
  }

  return (
    <div className="action-fields">
      {field("what", (props) => (
        <Textarea
          {...props}
          rows={2}
          maxLength={PLAN_LIMITS.what}
          value={draft.what}
          required
          onChange={(e) => onChange("what", e.target.value)}
        />
      ))}
      {owner &&
        field("ownerUserId", (props) => (
          <Select {...props} value={draft.ownerUserId ?? ""} onChange={(e) => onChange("ownerUserId", e.target.value)}>
            <SelectOption value="">{owner.none}</SelectOption>
            {owner.members.map((member) => (
              <SelectOption key={member.userId} value={member.userId}>
                {member.name}
              </SelectOption>
            ))}
          </Select>
        ))}
      {field("who", (props) => (
        <Textbox
          {...props}
          maxLength={PLAN_LIMITS.who}
          value={draft.who}
          autoComplete="off"
          onChange={(e) => onChange("who", e.target.value)}
        />
      ))}
      {field("when", (props) => (
        <Textbox {...props} type="date" value={draft.when} onChange={(e) => onChange("when", e.target.value)} />
      ))}
      {field("status", (props) => (
        <Select {...props} value={draft.status} onChange={(e) => onChange("status", e.target.value)}>
          {ACTION_STATUSES.map((status) => (
            <SelectOption key={status} value={status}>
              {t(`plan.action.status.${status}`)}
            </SelectOption>
          ))}
        </Select>
      ))}
      {field("factorId", (props) => (
        <Select {...props} value={draft.factorId} onChange={(e) => onChange("factorId", e.target.value)}>
          <SelectOption value="">{t("plan.action.noFactor")}</SelectOption>
          {factors.map((item) => (
            <SelectOption key={item.id} value={item.id} lang="nl">
              {item.id} {shorten(item.text, 70)}
            </SelectOption>
          ))}
        </Select>
      ))}
    </div>
  );
}

type ControlProps = { id: string; "aria-describedby": string; invalid: boolean; onBlur: () => void };
