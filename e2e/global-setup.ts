import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { CHROMIUM } from "./support.ts";

/** Browser tests need Chromium and the built web app; under CI=true their absence is a failure. */
export default function setup(): void {
  if (process.env.CI === "true" && !existsSync(CHROMIUM)) {
    throw new Error(`CI=true but Chromium is missing at ${CHROMIUM}: the browser tests cannot run.`);
  }
  if (!existsSync(resolve(import.meta.dirname, "../dist/web/index.html"))) {
    throw new Error("dist/web is missing: run `npm run build` (npm test does this) before the browser tests.");
  }
}
