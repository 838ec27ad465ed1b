import type { RouteObject } from "react-router";
import { lazyPage, withSuspense } from "../app/routing.tsx";

// Pages load when they are needed; the result pages bring the chart library.
const TeamsPage = lazyPage(() => import("./TeamsPage.tsx"), "TeamsPage");
const TeamPage = lazyPage(() => import("./TeamPage.tsx"), "TeamPage");
const InviteAcceptPage = lazyPage(() => import("./InviteAcceptPage.tsx"), "InviteAcceptPage");
const RoundPage = lazyPage(() => import("./round/RoundPage.tsx"), "RoundPage");
const TeamResultsPage = lazyPage(() => import("./results/ResultsPage.tsx"), "TeamResultsPage");
const MirrorPage = lazyPage(() => import("./results/MirrorPage.tsx"), "MirrorPage");
const TrendPage = lazyPage(() => import("./results/TrendPage.tsx"), "TrendPage");
const TeamPlanPage = lazyPage(() => import("./plan/TeamPlanPage.tsx"), "TeamPlanPage");
const ComparisonPage = lazyPage(() => import("./comparison/ComparisonPage.tsx"), "ComparisonPage");
const SpiegelPage = lazyPage(() => import("./comparison/SpiegelPage.tsx"), "SpiegelPage");
const SessionPage = lazyPage(() => import("./session/SessionPage.tsx"), "SessionPage");
const SessionReportPage = lazyPage(() => import("./session/SessionReportPage.tsx"), "SessionReportPage");
const AgendaPage = lazyPage(() => import("./agenda/AgendaPage.tsx"), "AgendaPage");

/** Teams, invites, rounds, results, mirror, trend and the team plan. */
export const teamRoutes: RouteObject[] = [
  { path: "teams", element: withSuspense(<TeamsPage />, false) },
  { path: "teams/uitnodiging/:token", element: withSuspense(<InviteAcceptPage />, false) },
  { path: "teams/:id", element: withSuspense(<TeamPage />, false) },
  { path: "teams/:id/metingen/:roundId", element: withSuspense(<RoundPage />, false) },
  { path: "teams/:id/metingen/:roundId/resultaten", element: withSuspense(<TeamResultsPage />, false) },
  { path: "teams/:id/metingen/:roundId/spiegel", element: withSuspense(<MirrorPage />, false) },
  { path: "teams/:id/metingen/:roundId/sessie", element: withSuspense(<SessionPage />, false) },
  { path: "teams/:id/metingen/:roundId/sessie/verslag", element: withSuspense(<SessionReportPage />, false) },
  { path: "teams/:id/metingen/:roundId/agenda", element: withSuspense(<AgendaPage />, false) },
  { path: "teams/:id/metingen/:roundId/vergelijking", element: withSuspense(<ComparisonPage />, false) },
  { path: "teams/:id/spiegels/:spiegelId", element: withSuspense(<SpiegelPage />, false) },
  { path: "teams/:id/trend", element: withSuspense(<TrendPage />, false) },
  { path: "teams/:id/plan", element: withSuspense(<TeamPlanPage />, false) },
  { path: "teams/:id/plan/thema/:themeId", element: withSuspense(<TeamPlanPage />, false) },
];
