import { lazy, type ReactNode, Suspense } from "react";
import type { RouteObject } from "react-router";
import { Loading } from "../app/Loading.tsx";

// Pages load when they are needed; the result pages bring the chart library.
const page = <T extends Record<string, React.ComponentType>>(load: () => Promise<T>, name: keyof T) =>
  lazy(() => load().then((m) => ({ default: m[name] as React.ComponentType })));

const SignInPage = page(() => import("../account/SignInPage.tsx"), "SignInPage");
const SignUpPage = page(() => import("../account/SignUpPage.tsx"), "SignUpPage");
const ForgotPasswordPage = page(() => import("../account/ForgotPasswordPage.tsx"), "ForgotPasswordPage");
const ResetPasswordPage = page(() => import("../account/ResetPasswordPage.tsx"), "ResetPasswordPage");
const AccountPage = page(() => import("../account/AccountPage.tsx"), "AccountPage");
const VerifiedPage = page(() => import("../account/VerifiedPage.tsx"), "VerifiedPage");
const TeamsPage = page(() => import("./TeamsPage.tsx"), "TeamsPage");
const TeamPage = page(() => import("./TeamPage.tsx"), "TeamPage");
const InviteAcceptPage = page(() => import("./InviteAcceptPage.tsx"), "InviteAcceptPage");
const RoundPage = page(() => import("./round/RoundPage.tsx"), "RoundPage");
const TeamResultsPage = page(() => import("./results/ResultsPage.tsx"), "TeamResultsPage");
const MirrorPage = page(() => import("./results/MirrorPage.tsx"), "MirrorPage");
const TrendPage = page(() => import("./results/TrendPage.tsx"), "TrendPage");
const TeamPlanPage = page(() => import("./plan/TeamPlanPage.tsx"), "TeamPlanPage");
const InvitePage = page(() => import("../respond/InvitePage.tsx"), "InvitePage");
const SubmitPage = page(() => import("../respond/SubmitPage.tsx"), "SubmitPage");
const DonePage = page(() => import("../respond/DonePage.tsx"), "DonePage");
const PrivacyPage = page(() => import("../privacy/PrivacyPage.tsx"), "PrivacyPage");

const suspense = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** Accounts, teams, rounds, results, team plan and privacy: spread into the children of the Layout route. */
export const teamRoutes: RouteObject[] = [
  { path: "account/aanmelden", element: suspense(<SignUpPage />) },
  { path: "account/inloggen", element: suspense(<SignInPage />) },
  { path: "account", element: suspense(<AccountPage />) },
  { path: "account/bevestigd", element: suspense(<VerifiedPage />) },
  { path: "account/wachtwoord-vergeten", element: suspense(<ForgotPasswordPage />) },
  { path: "wachtwoord-herstellen", element: suspense(<ResetPasswordPage />) },
  { path: "teams", element: suspense(<TeamsPage />) },
  { path: "teams/uitnodiging/:token", element: suspense(<InviteAcceptPage />) },
  { path: "teams/:id", element: suspense(<TeamPage />) },
  { path: "teams/:id/metingen/:roundId", element: suspense(<RoundPage />) },
  { path: "teams/:id/metingen/:roundId/resultaten", element: suspense(<TeamResultsPage />) },
  { path: "teams/:id/metingen/:roundId/spiegel", element: suspense(<MirrorPage />) },
  { path: "teams/:id/trend", element: suspense(<TrendPage />) },
  { path: "teams/:id/plan", element: suspense(<TeamPlanPage />) },
  { path: "teams/:id/plan/thema/:themeId", element: suspense(<TeamPlanPage />) },
  { path: "privacy", element: suspense(<PrivacyPage />) },
];

/** The invitation of a round's link (`/meedoen/:token`): a child of the respondent pages' own layout. */
export const inviteRoute: RouteObject = { path: "meedoen/:token", element: suspense(<InvitePage />) };

/**
 * A respondent's "Inleveren" and, after it, "Klaar": spread into the children of the `meedoen/antwoorden/:id` route
 * (next to the themes).
 */
export const respondentRoutes: RouteObject[] = [
  { path: "inleveren", element: suspense(<SubmitPage />) },
  { path: "klaar", element: suspense(<DonePage />) },
];

/**
 * `/check/:id/inleveren`: a round's check moves to its own pages before this shows; a personal check reads that there
 * is nothing to hand in. Spread into the children of the `check/:id` route.
 */
export const checkRoundRoutes: RouteObject[] = [{ path: "inleveren", element: suspense(<SubmitPage />) }];
