import type { RouteObject } from "react-router";
import { lazyPage, withSuspense } from "../app/routing.tsx";

const SearchPage = lazyPage(() => import("./SearchPage.tsx"), "SearchPage");
const EntryPage = lazyPage(() => import("./EntryPage.tsx"), "EntryPage");
const SubmitPage = lazyPage(() => import("./submit/SubmitPage.tsx"), "SubmitPage");
const StatusPage = lazyPage(() => import("./submit/StatusPage.tsx"), "StatusPage");

/** Search, an entry, the projectendatabank form and a submission's status. */
export const kennisbankRoutes: RouteObject[] = [
  { path: "kennisbank", element: withSuspense(<SearchPage />) },
  { path: "kennisbank/inzenden", element: withSuspense(<SubmitPage />) },
  { path: "kennisbank/inzending/:token", element: withSuspense(<StatusPage />, false) },
  { path: "kennisbank/:slug", element: withSuspense(<EntryPage />) },
];
