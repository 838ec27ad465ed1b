import type { TestProject } from "vitest/node";
import { createPostgresTemplate, ensurePgliteTemplate } from "./templates.ts";

/** Makes the migrated template databases once per run; every API test file copies them (see databases.ts). */
export default async function setup(project: TestProject): Promise<void> {
  project.provide("pgliteTemplate", await ensurePgliteTemplate());
  const url = process.env.DATABASE_URL ?? null;
  if (url) await createPostgresTemplate(url);
  project.provide("postgresUrl", url);
}
