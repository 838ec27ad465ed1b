import type { RouteObject } from "react-router";
import { lazyPage, withSuspense } from "../app/routing.tsx";

const FactorsPage = lazyPage(() => import("./FactorsPage.tsx"), "FactorsPage");
const FactorPage = lazyPage(() => import("./FactorPage.tsx"), "FactorPage");

/** The 31 factors and one factor's page. */
export const factorRoutes: RouteObject[] = [
  { path: "factoren", element: withSuspense(<FactorsPage />) },
  { path: "factoren/:id", element: withSuspense(<FactorPage />) },
];
