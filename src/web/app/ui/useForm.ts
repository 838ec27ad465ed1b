import { type FormEvent, type RefObject, useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { useTranslation } from "../i18n.ts";
import { apiMessage, useAction } from "./useAction.ts";

/** A form's errors in Dutch: one per field, and `form` for what belongs to no field (shown in FormAlert). */
export type FormErrors<F extends string> = Partial<Record<F | "form", string>>;

/** The outcome of checking a form: the errors found, or the value to send. */
export type Checked<F extends string, V> = { errors: FormErrors<F> } | { value: V };

/** The outcome of a check that found errors (a helper, so that a check returning `{ value }` elsewhere types well). */
export function invalid<F extends string>(errors: FormErrors<F>): { errors: FormErrors<F> } {
  return { errors };
}

/** `{ value }` when `errors` is empty, else `{ errors }`: for checks that collect errors field by field. */
export function checked<F extends string, V>(errors: FormErrors<F>, value: V): Checked<F, V> {
  return Object.keys(errors).length > 0 ? { errors } : { value };
}

/** One problem a shared schema found (a zod issue; typed here so the kit does not load zod). */
export type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };
/** What a shared schema's `safeParse` gives. */
export type Parsed<V> = { success: true; data: V } | { success: false; error: { issues: readonly Issue[] } };

/** The field a path or the API's `field` names — its first part: "perspectives.0" is perspectives — or `form`. */
export function fieldOf<F extends string>(path: PropertyKey | null | undefined, fields: readonly F[]): F | "form" {
  const name = String(path ?? "").split(".")[0] as F;
  return fields.includes(name) ? name : "form";
}

/**
 * A shared schema's issues as errors: the first per field (`fieldOf` its path), worded by `word` — by default the
 * schema's own Dutch message.
 */
export function issueErrors<F extends string>(
  issues: readonly Issue[],
  fields: readonly F[],
  word: (field: F | "form", issue: Issue) => string = (_field, issue) => issue.message,
): FormErrors<F> {
  const errors: FormErrors<F> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path[0], fields);
    errors[field] ??= word(field, issue);
  }
  return errors;
}

/** A shared schema's verdict as the outcome of a check (see issueErrors). */
export function checkedBy<F extends string, V>(
  result: Parsed<V>,
  fields: readonly F[],
  word?: (field: F | "form", issue: Issue) => string,
): Checked<F, V> {
  return result.success ? { value: result.data } : { errors: issueErrors(result.error.issues, fields, word) };
}

type Options<F extends string> = {
  /** The fields the API may name in a refusal (its `field`, first part): its message goes there, else to the form. */
  fields?: readonly NoInfer<F>[];
  /**
   * The API's refusal in this form's own words, where it differs; `undefined` leaves it to the default: a network
   * failure, rate limit or 5xx is the common network message, else the API's message at the field it names.
   */
  errorsOf?: (error: unknown) => FormErrors<NoInfer<F>> | undefined;
  /** An error summary that takes focus after every failed submit, instead of the first invalid field. */
  summary?: RefObject<HTMLElement | null>;
};

/**
 * Validate-and-show-errors, once for every form: `onSubmit` checks the input with `check` (client-side, the shared
 * schemas and Dutch messages), shows the errors and moves focus to the first invalid field (or to the summary); when
 * all is well it sends with `send` (through useAction: busy meanwhile, a second submit does nothing) and shows the
 * API's refusal the same way. Fields are rendered with `Field` (error message + aria-invalid), the form-level error
 * with `FormAlert`.
 */
export function useForm<F extends string, V>(check: () => Checked<F, V>, send: (value: V) => Promise<void>, options: Options<F> = {}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FormErrors<F>>({});
  // Bumped each time errors are shown that should take focus; the effect moves it once they are rendered.
  const [shown, setShown] = useState(0);
  const request = useAction();
  const { fields = [], errorsOf, summary } = options;

  useEffect(() => {
    if (shown === 0) return;
    if (summary) summary.current?.focus();
    else form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [shown, summary]);

  const show = useCallback(
    (found: FormErrors<F>) => {
      setErrors(found);
      if (summary || Object.keys(found).some((key) => key !== "form")) setShown((n) => n + 1);
    },
    [summary],
  );

  function refusal(error: unknown): FormErrors<F> {
    const own = errorsOf?.(error);
    if (own) return own;
    const message = apiMessage(error, t("common.network"));
    const field = error instanceof ApiError && !error.transient ? fieldOf(error.field, fields) : "form";
    return { [field]: message } as FormErrors<F>;
  }

  async function onSubmit(event?: FormEvent) {
    event?.preventDefault();
    if (request.busy) return;
    const result = check();
    if ("errors" in result) return show(result.errors);
    setErrors({});
    await request.run(
      () => send(result.value),
      (error) => show(refusal(error)),
    );
  }

  /** Forgets a field's error once the user changes it. */
  const clearError = useCallback((field: F) => setErrors(({ [field]: _fixed, ...rest }) => rest as FormErrors<F>), []);

  return {
    /** For `<form ref={form}>`: where focus goes to the first invalid field. */
    form,
    errors,
    /** Shows errors found elsewhere (e.g. a confirmation step), moving focus the same way. */
    setErrors: show,
    clearError,
    busy: request.busy,
    /** For `<form onSubmit={(e) => void onSubmit(e)}>`. */
    onSubmit,
  };
}
