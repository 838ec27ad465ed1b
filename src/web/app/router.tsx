import { createBrowserRouter } from "react-router";
import { accountRoutes } from "../account/routes.tsx";
import { checkRoutes, respondRoutes } from "../checks/routes.tsx";
import { factorRoutes } from "../factors/routes.tsx";
import { kennisbankRoutes } from "../kennisbank/routes.tsx";
import { managementRoutes } from "../management/routes.tsx";
import { moderationRoutes } from "../moderatie/routes.tsx";
import { privacyRoutes } from "../privacy/routes.tsx";
import { teamRoutes } from "../teams/routes.tsx";
import { statementRoutes } from "../toegankelijkheid/routes.tsx";
import { werkwijzeRoutes } from "../werkwijze/routes.tsx";
import { Layout, RespondLayout } from "./Layout.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";

/**
 * The composition root: each feature registers its own pages in its `routes.tsx`; this is the one module that imports
 * the features (the import rule, app/imports.test.ts).
 */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      ...checkRoutes,
      ...kennisbankRoutes,
      ...factorRoutes,
      ...werkwijzeRoutes,
      ...moderationRoutes,
      ...accountRoutes,
      ...teamRoutes,
      ...privacyRoutes,
      ...managementRoutes,
      ...statementRoutes,
      { path: "*", element: <NotFoundPage /> },
    ],
  },
  {
    // Respondents in a team's measurement round: pages of their own, without the app's navigation.
    element: <RespondLayout />,
    children: respondRoutes,
  },
]);
