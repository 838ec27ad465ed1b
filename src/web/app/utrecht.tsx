/**
 * The NL Design System (Utrecht) React components the app uses, one import path for all of them.
 *
 * Where Utrecht publishes a component as a package of its own (Button, FormLabel, Textbox, FormFieldDescription,
 * FormFieldErrorMessage) it is re-exported from there. The others exist only in the @utrecht/component-library-react
 * barrel, which bundlers cannot tree-shake (every component ends with a `displayName` assignment, a side effect), so
 * importing one of them ships all ~100; they are thin wrappers that render an element with the component's class
 * names, repeated here with the same markup as component-library-react 14 (without the options the app does not use,
 * such as selectable table rows). Their CSS is imported per component in
 * utrecht-css.ts. See docs/decisions/0020-per-component-utrecht-and-dutch-only-web.md.
 */
import type {
  ComponentPropsWithRef,
  HTMLAttributes,
  OptionHTMLAttributes,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";

export { Button } from "@utrecht/button-react";
export { FormFieldDescription } from "@utrecht/form-field-description-react";
export { FormFieldErrorMessage } from "@utrecht/form-field-error-message-react";
export { FormLabel } from "@utrecht/form-label-react";
export { Textbox } from "@utrecht/textbox-react";

/** Joins the class names that are set (the `clsx` the Utrecht components use, for strings only). */
function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}

export type ParagraphProps = ComponentPropsWithRef<"p"> & { appearance?: "lead" | "small" };

export function Paragraph({ appearance, className, children, ...rest }: ParagraphProps) {
  const lead = appearance === "lead";
  const small = appearance === "small";
  return (
    <p {...rest} className={cx("utrecht-paragraph", lead && "utrecht-paragraph--lead", small && "utrecht-paragraph--small", className)}>
      {lead ? (
        <b className="utrecht-paragraph__b">{children}</b>
      ) : small ? (
        <small className="utrecht-paragraph__small">{children}</small>
      ) : (
        children
      )}
    </p>
  );
}

type HeadingProps = ComponentPropsWithRef<"h1">;

export function Heading1({ className, ...rest }: HeadingProps) {
  return <h1 {...rest} className={cx("utrecht-heading-1", className)} />;
}

export function Heading2({ className, ...rest }: HeadingProps) {
  return <h2 {...rest} className={cx("utrecht-heading-2", className)} />;
}

export function Heading3({ className, ...rest }: HeadingProps) {
  return <h3 {...rest} className={cx("utrecht-heading-3", className)} />;
}

export function Heading4({ className, ...rest }: HeadingProps) {
  return <h4 {...rest} className={cx("utrecht-heading-4", className)} />;
}

export type AlertType = "error" | "warning" | "info" | "ok";
export type AlertProps = HTMLAttributes<HTMLDivElement> & { ref?: Ref<HTMLDivElement>; icon?: ReactNode; type?: AlertType };

const ALERT_ROLE: Record<AlertType, string> = { info: "status", ok: "status", warning: "alert", error: "alert" };

/** A message box; the role (status or alert) goes on the message, as in Utrecht's Alert. */
export function Alert({ children, className, icon, type = "info", role, ...rest }: AlertProps) {
  return (
    <div {...rest} className={cx("utrecht-alert", `utrecht-alert--${type}`, className)}>
      {icon && <div className="utrecht-alert__icon">{icon}</div>}
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message" role={role ?? ALERT_ROLE[type]}>
          {children}
        </div>
      </div>
    </div>
  );
}

export type TableProps = ComponentPropsWithRef<"table"> & { busy?: boolean };

export function Table({ busy, className, ...rest }: TableProps) {
  return <table aria-busy={busy} {...rest} className={cx("utrecht-table", busy && "utrecht-table--busy", className)} />;
}

export function TableCaption({ className, ...rest }: ComponentPropsWithRef<"caption">) {
  return <caption {...rest} className={cx("utrecht-table__caption", className)} />;
}

export function TableHeader({ sticky, className, ...rest }: ComponentPropsWithRef<"thead"> & { sticky?: boolean }) {
  return <thead {...rest} className={cx("utrecht-table__header", sticky && "utrecht-table__header--sticky", className)} />;
}

export function TableBody({ className, ...rest }: ComponentPropsWithRef<"tbody">) {
  return <tbody {...rest} className={cx("utrecht-table__body", className)} />;
}

export function TableRow({ className, ...rest }: ComponentPropsWithRef<"tr">) {
  return <tr {...rest} className={cx("utrecht-table__row", className)} />;
}

export function TableHeaderCell({
  numericColumn,
  sticky,
  scope,
  className,
  ...rest
}: ComponentPropsWithRef<"th"> & { numericColumn?: boolean; sticky?: boolean }) {
  return (
    <th
      scope={scope}
      {...rest}
      className={cx(
        "utrecht-table__header-cell",
        numericColumn && "utrecht-table__header-cell--numeric-column",
        sticky && scope === "row" && "utrecht-table__header-cell--sticky-inline",
        sticky && scope === "col" && "utrecht-table__header-cell--sticky-block",
        className,
      )}
    />
  );
}

export function TableCell({ numericColumn, className, ...rest }: ComponentPropsWithRef<"td"> & { numericColumn?: boolean }) {
  return <td {...rest} className={cx("utrecht-table__cell", numericColumn && "utrecht-table__cell--numeric-column", className)} />;
}

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  ref?: Ref<HTMLSelectElement>;
  busy?: boolean;
  invalid?: boolean;
  /** `noscript`: let `required` affect the browser's own validation (and CSS :invalid). */
  noscript?: boolean;
};

export function Select({ busy, invalid, required, className, noscript, ...rest }: SelectProps) {
  return (
    <select
      aria-busy={busy || undefined}
      aria-invalid={invalid || undefined}
      required={noscript ? required : false}
      aria-required={noscript ? undefined : required || undefined}
      className={cx(
        "utrecht-select",
        "utrecht-select--html-select",
        busy && "utrecht-select--busy",
        invalid && "utrecht-select--invalid",
        required && "utrecht-select--required",
        className,
      )}
      {...rest}
    />
  );
}

export type SelectOptionProps = OptionHTMLAttributes<HTMLOptionElement> & {
  ref?: Ref<HTMLOptionElement>;
  invalid?: boolean;
  value?: string;
};

export function SelectOption({ disabled, invalid, className, ...rest }: SelectOptionProps) {
  return (
    <option
      {...rest}
      disabled={disabled}
      className={cx(
        "utrecht-select__option",
        disabled && "utrecht-select__option--disabled",
        invalid && "utrecht-select__option--invalid",
        className,
      )}
    />
  );
}

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  ref?: Ref<HTMLTextAreaElement>;
  /** Sets the browser's own `required` (`required` only sets aria-required). */
  inputRequired?: boolean;
  invalid?: boolean;
};

export function Textarea({ dir, disabled, inputRequired, invalid, readOnly, required, className, ...rest }: TextareaProps) {
  return (
    <textarea
      {...rest}
      className={cx(
        "utrecht-textarea",
        "utrecht-textarea--html-textarea",
        disabled && "utrecht-textarea--disabled",
        invalid && "utrecht-textarea--invalid",
        readOnly && "utrecht-textarea--readonly",
        (required || inputRequired) && "utrecht-textarea--required",
        className,
      )}
      dir={dir ?? "auto"}
      disabled={disabled}
      readOnly={readOnly}
      aria-required={required ? required : undefined}
      required={inputRequired}
      aria-invalid={invalid || undefined}
    />
  );
}

export function UnorderedList({ className, ...rest }: ComponentPropsWithRef<"ul">) {
  // biome-ignore lint/a11y/noRedundantRoles: as Utrecht's UnorderedList: keeps the list semantics where CSS removes the markers
  return <ul role="list" {...rest} className={cx("utrecht-unordered-list", className)} />;
}

export function UnorderedListItem({ className, ...rest }: ComponentPropsWithRef<"li">) {
  return <li {...rest} className={cx("utrecht-unordered-list__item", className)} />;
}

export function OrderedList({ className, ...rest }: ComponentPropsWithRef<"ol">) {
  return <ol {...rest} className={cx("utrecht-ordered-list", className)} />;
}

export function OrderedListItem({ className, ...rest }: ComponentPropsWithRef<"li">) {
  return <li {...rest} className={cx("utrecht-ordered-list__item", className)} />;
}

export function PageHeader({ className, ...rest }: ComponentPropsWithRef<"header">) {
  return <header {...rest} className={cx("utrecht-page-header", className)} />;
}

export function PageFooter({ className, ...rest }: ComponentPropsWithRef<"footer">) {
  return <footer {...rest} className={cx("utrecht-page-footer", className)} />;
}
