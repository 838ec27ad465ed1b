import type { RouteObject } from "react-router";
import { lazyPage, withSuspense } from "../app/routing.tsx";

const StatementPage = lazyPage(() => import("./StatementPage.tsx"), "StatementPage");

/** The accessibility statement (toegankelijkheidsverklaring). */
export const statementRoutes: RouteObject[] = [{ path: "toegankelijkheid", element: withSuspense(<StatementPage />, false) }];
