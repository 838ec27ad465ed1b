import type { RouteObject } from "react-router";
import { lazyPage, withSuspense } from "../app/routing.tsx";

const ModerationPage = lazyPage(() => import("./ModerationPage.tsx"), "ModerationPage");

/** Moderators approve or reject submissions. */
export const moderationRoutes: RouteObject[] = [{ path: "moderatie", element: withSuspense(<ModerationPage />, false) }];
