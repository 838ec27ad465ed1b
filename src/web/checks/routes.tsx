import type { RouteObject } from "react-router";
import { NotFoundPage } from "../app/NotFoundPage.tsx";
import { lazyPage, withSuspense } from "../app/routing.tsx";
import { CheckLayout } from "./CheckLayout.tsx";
import { ResumePage } from "./ResumePage.tsx";
import { ProfessionalAfterHandIn, RespondResume } from "./respond/RespondResume.tsx";
import { StartPage } from "./StartPage.tsx";
import { ThemePage } from "./theme/ThemePage.tsx";
import { TipsPage } from "./tips/TipsPage.tsx";

// The chart library is large: load the results page when it is needed.
const ResultsPage = lazyPage(() => import("./results/ResultsPage.tsx"), "ResultsPage");
const PlanPage = lazyPage(() => import("./plan/PlanPage.tsx"), "PlanPage");
const InvitePage = lazyPage(() => import("./respond/InvitePage.tsx"), "InvitePage");
const SubmitPage = lazyPage(() => import("./respond/SubmitPage.tsx"), "SubmitPage");
const DonePage = lazyPage(() => import("./respond/DonePage.tsx"), "DonePage");

/** The start page and a personal check (`/check/:id/…`): children of the app's Layout route. */
export const checkRoutes: RouteObject[] = [
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
      // A round's check moves to its own pages before this shows; a personal check reads there is nothing to hand in.
      { path: "inleveren", element: withSuspense(<SubmitPage />, false) },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

/**
 * Respondents in a team's measurement round (`/meedoen/…`): the invitation of a round's link and the respondent's
 * check pages, with "Inleveren" and "Klaar". Children of the RespondLayout route (no site navigation).
 */
export const respondRoutes: RouteObject[] = [
  { path: "meedoen/:token", element: withSuspense(<InvitePage />, false) },
  {
    path: "meedoen/antwoorden/:id",
    element: <CheckLayout variant="respond" />,
    children: [
      { index: true, element: <RespondResume /> },
      { path: ":themeId", element: <ThemePage /> },
      { path: "inleveren", element: withSuspense(<SubmitPage />, false) },
      { path: "klaar", element: withSuspense(<DonePage />, false) },
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
];
