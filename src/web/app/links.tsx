import { type ComponentProps, forwardRef } from "react";
import { Link } from "react-router";

type RouterLinkProps = ComponentProps<typeof Link>;

const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ");

/** A router link with the NL Design System link style. */
export const AppLink = forwardRef<HTMLAnchorElement, RouterLinkProps>(function AppLink({ className, ...props }, ref) {
  return <Link ref={ref} className={cx("utrecht-link", "utrecht-link--html-a", className)} {...props} />;
});

type Appearance = "primary" | "secondary" | "subtle";

/** A router link that looks like a button (navigation stays a link for assistive technology). */
export const ButtonRouterLink = forwardRef<HTMLAnchorElement, RouterLinkProps & { appearance?: Appearance }>(function ButtonRouterLink(
  { className, appearance = "secondary", ...props },
  ref,
) {
  const variant = appearance === "subtle" ? "utrecht-button-link--subtle" : `utrecht-button-link--${appearance}-action`;
  return <Link ref={ref} className={cx("utrecht-button-link", "utrecht-button-link--html-a", variant, className)} {...props} />;
});
