import { useEffect } from "react";
import { useLocation } from "react-router";

/**
 * Content that loads after navigation cannot be scrolled to by the browser: once it is there, move to the element
 * the URL's #anchor names (and give it focus, so keyboard and screen reader users start there too).
 */
export function useHashTarget(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
  }, [ready, hash]);
}
