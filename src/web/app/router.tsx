import { lazy, Suspense } from "react";
import { createBrowserRouter } from "react-router";
import { CheckLayout } from "../checks/CheckLayout.tsx";
import { ResumePage } from "../checks/ResumePage.tsx";
import { StartPage } from "../checks/StartPage.tsx";
import { ThemePage } from "../checks/theme/ThemePage.tsx";
import { TipsPage } from "../checks/tips/TipsPage.tsx";
import { Layout } from "./Layout.tsx";
import { Loading } from "./Loading.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";

// The chart library is large: load the results page when it is needed.
const ResultsPage = lazy(() => import("../checks/results/ResultsPage.tsx").then((m) => ({ default: m.ResultsPage })));
const PlanPage = lazy(() => import("../checks/plan/PlanPage.tsx").then((m) => ({ default: m.PlanPage })));

const withSuspense = (element: React.ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

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
          { path: "*", element: <NotFoundPage /> },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
