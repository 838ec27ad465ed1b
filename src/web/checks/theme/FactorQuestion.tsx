import { useRef } from "react";
import type { AnswerValue } from "../../../domain/checks/answers.ts";
import type { Item, Theme } from "../../../domain/content/schema.ts";
import { allowsDontKnow } from "../../../domain/teams/perspectives.ts";
import { TipText } from "../../app/markdown/TipText.tsx";
import { useTranslation } from "../i18n.ts";
import { itemText, type Wording } from "./wording.ts";

const SCORES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

type Props = {
  theme: Theme;
  item: Item;
  value: AnswerValue | undefined;
  problem?: string;
  /**
   * Groups in a measurement round get their own wording (professional by default); all but professionals may also answer
   * "Weet ik niet".
   */
  wording?: Wording;
  /** Factor numbers (1.1) help professionals find a factor in the tool; respondents do not see them. */
  showNumber?: boolean;
  /** A closed measurement round: the answer is shown, not changed. */
  disabled?: boolean;
  onChange(value: AnswerValue | null): void;
};

/**
 * One factor: a fieldset with n.v.t. (and "Weet ik niet" for groups that may not be able to judge) and 1–10 as radio
 * buttons, the scale's anchors as description.
 */
export function FactorQuestion({
  theme,
  item,
  value,
  problem,
  wording = "professional",
  showNumber = true,
  disabled = false,
  onChange,
}: Props) {
  const { t } = useTranslation();
  const group = useRef<HTMLFieldSetElement>(null);
  const name = `factor-${item.id}`;
  const scaleId = `schaal-${item.id}`;
  const clarificationId = `toelichting-${item.id}`;
  const problemId = `fout-${item.id}`;
  // The clarification is written for professionals: young people read only their own (B1) sentence.
  const clarification = wording === "youth" && item.youthText ? undefined : item.clarification;
  const describedBy = [clarification && clarificationId, scaleId, problem && problemId].filter(Boolean).join(" ");

  function clear() {
    onChange(null);
    // The button disappears: keep focus in the question.
    group.current?.querySelector<HTMLInputElement>("input[type=radio]")?.focus();
  }

  return (
    <fieldset ref={group} className="factor utrecht-form-fieldset--html-fieldset" aria-describedby={describedBy} disabled={disabled}>
      <legend className="factor__legend">
        {showNumber && (
          <>
            <span className="factor__number">{item.id}</span>{" "}
          </>
        )}
        <span lang="nl">
          <TipText text={itemText(item, wording)} />
        </span>
      </legend>
      {clarification && (
        <p id={clarificationId} className="factor__clarification" lang="nl">
          <TipText text={clarification} />
        </p>
      )}
      <div className="factor__options">
        <div className="factor__option factor__option--nvt">
          <input
            className="factor__input"
            type="radio"
            id={`${name}-nvt`}
            name={name}
            value="nvt"
            checked={value === "nvt"}
            onChange={() => onChange("nvt")}
          />
          {wording === "youth" ? (
            <label className="factor__label factor__label--text" htmlFor={`${name}-nvt`}>
              {t("respond.nvtYouth")}
            </label>
          ) : (
            <label className="factor__label" htmlFor={`${name}-nvt`}>
              {t("factor.nvt")}
              <span className="visually-hidden"> ({t("factor.nvtLong")})</span>
            </label>
          )}
        </div>
        {allowsDontKnow(wording) && (
          <div className="factor__option factor__option--nvt factor__option--weetniet">
            <input
              className="factor__input"
              type="radio"
              id={`${name}-weetniet`}
              name={name}
              value="weetniet"
              checked={value === "weetniet"}
              onChange={() => onChange("weetniet")}
            />
            <label className="factor__label factor__label--text" htmlFor={`${name}-weetniet`}>
              {t("respond.dontKnow")}
            </label>
          </div>
        )}
        <div className="factor__scale">
          {SCORES.map((score) => (
            <div key={score} className="factor__option">
              <input
                className="factor__input"
                type="radio"
                id={`${name}-${score}`}
                name={name}
                value={score}
                checked={value === score}
                onChange={() => onChange(score)}
              />
              <label className="factor__label" htmlFor={`${name}-${score}`}>
                {score}
              </label>
            </div>
          ))}
          <p id={scaleId} className="factor__anchors" lang="nl">
            <span>{t("factor.anchor", { score: 1, label: theme.scale.min })}</span>
            <span className="factor__anchor-separator">, </span>
            <span>{t("factor.anchor", { score: 10, label: theme.scale.max })}</span>
          </p>
        </div>
      </div>
      <div className="factor__footer">
        {/* Always laid out (hidden when there is nothing to clear), so answering does not move the page. */}
        <button
          type="button"
          className={`utrecht-button utrecht-button--subtle factor__clear${value === undefined || disabled ? " factor__clear--hidden" : ""}`}
          onClick={clear}
        >
          {t("factor.clear")}
          <span className="visually-hidden">
            {" "}
            {showNumber ? t("factor.clearFor", { id: item.id }) : t("respond.clearFor", { question: itemText(item, wording) })}
          </span>
        </button>
      </div>
      {problem && (
        <p id={problemId} className="factor__problem utrecht-form-field-error-message">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
