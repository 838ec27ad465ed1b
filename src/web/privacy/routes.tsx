import type { RouteObject } from "react-router";
import { lazyPage, withSuspense } from "../app/routing.tsx";

const PrivacyPage = lazyPage(() => import("./PrivacyPage.tsx"), "PrivacyPage");

/** The privacy statement (AVG). */
export const privacyRoutes: RouteObject[] = [{ path: "privacy", element: withSuspense(<PrivacyPage />, false) }];
