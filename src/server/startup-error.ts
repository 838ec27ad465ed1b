/**
 * A problem an operator must fix before the app can start (bad configuration, unreachable database, a second process
 * on the same data directory). `main.ts` prints its message as one line, without a stack trace, and exits with 1.
 */
export class StartupError extends Error {
  override name = "StartupError";
}

/** For entry points: a StartupError ends the process with its message as one line and exit code 1; others rethrow. */
export async function exitOnStartupError(error: unknown): Promise<never> {
  if (!(error instanceof StartupError)) throw error;
  await new Promise<void>((resolve) => process.stderr.write(`${error.message}\n`, () => resolve()));
  process.exit(1);
}
