import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { ensurePgliteTemplate } from "../src/server/test/templates.ts";
import { CHROMIUM } from "./support.ts";

/**
 * Browser tests need Chromium and the built web app; under CI=true their absence is a failure. Each test file's
 * server starts from the migrated PGlite template made (or found in the cache) here, see fixtures.ts.
 */
export default async function setup(project: TestProject): Promise<void> {
  if (process.env.CI === "true" && !existsSync(CHROMIUM)) {
    throw new Error(`CI=true but Chromium is missing at ${CHROMIUM}: the browser tests cannot run.`);
  }
  if (!existsSync(resolve(import.meta.dirname, "../dist/web/index.html"))) {
    throw new Error("dist/web is missing: run `npm run build` (npm test does this) before the browser tests.");
  }
  project.provide("pgliteTemplate", await ensurePgliteTemplate());
}
