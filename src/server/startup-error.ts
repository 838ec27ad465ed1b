/**
 * A problem an operator must fix before the app can start (bad configuration, unreachable database, a second process
 * on the same data directory). `main.ts` prints its message as one line, without a stack trace, and exits with 1.
 */
export class StartupError extends Error {
  override name = "StartupError";
}
