import { type ComponentType, lazy, type ReactNode, Suspense } from "react";
import { Loading } from "./Loading.tsx";

/** A page whose code loads when it is first needed: `lazyPage(() => import("./Page.tsx"), "Page")`. */
export const lazyPage = <K extends string, T extends Record<K, ComponentType>>(load: () => Promise<T>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

/**
 * A lazy page with the loading state while its code comes. Pages taller than the screen keep the footer below the fold
 * while they load (`fillScreen`, see Loading); short ones do not, or the footer would move up into view once they show.
 */
export const withSuspense = (element: ReactNode, fillScreen = true) => (
  <Suspense fallback={<Loading fillScreen={fillScreen} />}>{element}</Suspense>
);
