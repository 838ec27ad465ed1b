import type { RouteObject } from "react-router";
import { lazyPage, withSuspense } from "../app/routing.tsx";

const SignInPage = lazyPage(() => import("./SignInPage.tsx"), "SignInPage");
const SignUpPage = lazyPage(() => import("./SignUpPage.tsx"), "SignUpPage");
const ForgotPasswordPage = lazyPage(() => import("./ForgotPasswordPage.tsx"), "ForgotPasswordPage");
const ResetPasswordPage = lazyPage(() => import("./ResetPasswordPage.tsx"), "ResetPasswordPage");
const AccountPage = lazyPage(() => import("./AccountPage.tsx"), "AccountPage");
const VerifiedPage = lazyPage(() => import("./VerifiedPage.tsx"), "VerifiedPage");

/** Sign up, sign in, password reset, the account page and where the verification link lands. */
export const accountRoutes: RouteObject[] = [
  { path: "account/aanmelden", element: withSuspense(<SignUpPage />, false) },
  { path: "account/inloggen", element: withSuspense(<SignInPage />, false) },
  { path: "account", element: withSuspense(<AccountPage />, false) },
  { path: "account/bevestigd", element: withSuspense(<VerifiedPage />, false) },
  { path: "account/wachtwoord-vergeten", element: withSuspense(<ForgotPasswordPage />, false) },
  { path: "wachtwoord-herstellen", element: withSuspense(<ResetPasswordPage />, false) },
];
