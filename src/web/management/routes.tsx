import type { RouteObject } from "react-router";
import { lazyPage, withSuspense } from "../app/routing.tsx";

const ManagementPage = lazyPage(() => import("./ManagementPage.tsx"), "ManagementPage");

/** The read-only management summary of a round, opened through a link a coordinator shared (no account needed). */
export const managementRoutes: RouteObject[] = [{ path: "management/:token", element: withSuspense(<ManagementPage />, false) }];
