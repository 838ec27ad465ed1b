import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** The browser files are the longest; starting them first keeps the run as short as its longest file. */
class BrowserTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isBrowser = (f: TestSpecification) => f.project.name === "e2e";
    return [...sorted.filter(isBrowser), ...sorted.filter((f) => !isBrowser(f))];
  }
}

/**
 * Three projects (see docs/architecture.md, "Tests"):
 * - unit: pure code, no database, no browser (`npm run test:unit`);
 * - api: the HTTP API through app.inject on real databases, each file on its own copy of a migrated template;
 * - e2e: the built app in Debian Chromium.
 * Most test time is spent waiting on a database or a browser, not on the CPU, so even a 2-core machine runs
 * several files at once (Vitest would use cores − 1 = 1 there).
 */
export default defineConfig({
  test: {
    maxWorkers: Number(process.env.TEST_WORKERS ?? 4),
    sequence: { sequencer: BrowserTestsFirst },
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          exclude: ["src/**/*.api.test.ts"],
          testTimeout: 10_000,
        },
      },
      {
        test: {
          name: "api",
          include: ["src/**/*.api.test.ts"],
          globalSetup: ["src/server/test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          globalSetup: ["e2e/global-setup.ts"],
          // expect.poll waits 1 s by default; a page on a loaded machine may need longer to show what is awaited.
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
