import { lazy, Suspense } from "react";
import { createBrowserRouter } from "react-router";
import { CheckLayout } from "../checks/CheckLayout.tsx";
import { ResumePage } from "../checks/ResumePage.tsx";
import { StartPage } from "../checks/StartPage.tsx";
import { ThemePage } from "../checks/theme/ThemePage.tsx";
import { TipsPage } from "../checks/tips/TipsPage.tsx";
import { ProfessionalAfterHandIn, RespondResume } from "../respond/RespondResume.tsx";
import { checkRoundRoutes, inviteRoute, respondentRoutes, teamRoutes } from "../teams/routes.tsx";
import { Layout, RespondLayout } from "./Layout.tsx";
import { Loading } from "./Loading.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";

// The chart library is large: load the results page when it is needed.
const ResultsPage = lazy(() => import("../checks/results/ResultsPage.tsx").then((m) => ({ default: m.ResultsPage })));
const PlanPage = lazy(() => import("../checks/plan/PlanPage.tsx").then((m) => ({ default: m.PlanPage })));
const SearchPage = lazy(() => import("../kennisbank/SearchPage.tsx").then((m) => ({ default: m.SearchPage })));
const EntryPage = lazy(() => import("../kennisbank/EntryPage.tsx").then((m) => ({ default: m.EntryPage })));
const SubmitPage = lazy(() => import("../kennisbank/submit/SubmitPage.tsx").then((m) => ({ default: m.SubmitPage })));
const StatusPage = lazy(() => import("../kennisbank/submit/StatusPage.tsx").then((m) => ({ default: m.StatusPage })));
const FactorsPage = lazy(() => import("../factors/FactorsPage.tsx").then((m) => ({ default: m.FactorsPage })));
const FactorPage = lazy(() => import("../factors/FactorPage.tsx").then((m) => ({ default: m.FactorPage })));
const WerkwijzePage = lazy(() => import("../werkwijze/WerkwijzePage.tsx").then((m) => ({ default: m.WerkwijzePage })));
const ModerationPage = lazy(() => import("../moderatie/ModerationPage.tsx").then((m) => ({ default: m.ModerationPage })));

// Pages taller than the screen keep the footer below the fold while their code loads (see Loading); short ones do not,
// or the footer would move up into view once they show.
const withSuspense = (element: React.ReactNode, fillScreen = true) => (
  <Suspense fallback={<Loading fillScreen={fillScreen} />}>{element}</Suspense>
);

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <StartPage /> },
      {
        path: "check/:id",
        element: <CheckLayout />,
        children: [
          { index: true, element: <ResumePage /> },
          { path: "thema/:themeId", element: <ThemePage /> },
          { path: "resultaten", element: withSuspense(<ResultsPage />) },
          { path: "tips", element: <TipsPage /> },
          { path: "plan", element: withSuspense(<PlanPage />) },
          { path: "plan/thema/:themeId", element: withSuspense(<PlanPage />) },
          ...checkRoundRoutes,
          { path: "*", element: <NotFoundPage /> },
        ],
      },
      { path: "kennisbank", element: withSuspense(<SearchPage />) },
      { path: "kennisbank/inzenden", element: withSuspense(<SubmitPage />) },
      { path: "kennisbank/inzending/:token", element: withSuspense(<StatusPage />, false) },
      { path: "kennisbank/:slug", element: withSuspense(<EntryPage />) },
      { path: "factoren", element: withSuspense(<FactorsPage />) },
      { path: "factoren/:id", element: withSuspense(<FactorPage />) },
      { path: "werkwijze", element: withSuspense(<WerkwijzePage />) },
      { path: "moderatie", element: withSuspense(<ModerationPage />, false) },
      ...teamRoutes,
      { path: "*", element: <NotFoundPage /> },
    ],
  },
  {
    // Respondents in a team's measurement round: pages of their own, without the app's navigation.
    element: <RespondLayout />,
    children: [
      inviteRoute,
      {
        path: "meedoen/antwoorden/:id",
        element: <CheckLayout variant="respond" />,
        children: [
          { index: true, element: <RespondResume /> },
          { path: ":themeId", element: <ThemePage /> },
          ...respondentRoutes,
          { path: "resultaten", element: <ProfessionalAfterHandIn>{withSuspense(<ResultsPage />)}</ProfessionalAfterHandIn> },
          {
            path: "tips",
            element: (
              <ProfessionalAfterHandIn>
                <TipsPage />
              </ProfessionalAfterHandIn>
            ),
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
