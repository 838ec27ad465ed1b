import type { RouteObject } from "react-router";
import { lazyPage, withSuspense } from "../app/routing.tsx";

const WerkwijzePage = lazyPage(() => import("./WerkwijzePage.tsx"), "WerkwijzePage");

/** The consultants' working method. */
export const werkwijzeRoutes: RouteObject[] = [{ path: "werkwijze", element: withSuspense(<WerkwijzePage />) }];
