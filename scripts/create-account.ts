// Creates an account from the command line (for a moderator: also name its e-mail in MODERATOR_EMAILS). The operator
// vouches for the address, so the account counts as verified: no verification mail is sent, and a listed address
// moderates at once.
// Usage: npm run account:create -- <e-mail> <password> [name]
// Uses the same database and configuration as the app: DATABASE_URL when set, otherwise the embedded database in
// DATA_DIR. Configuration problems (and other StartupErrors) are printed as one line each, exit code 1, as the app does.
import type { Database } from "../src/db/client.ts";
import { loadConfigOrExit, resolveSecret } from "../src/server/config.ts";
import { exitOnStartupError } from "../src/server/startup-error.ts";

const [email, password, name = "Moderator"] = process.argv.slice(2);
if (!email || !password) {
  console.error("Gebruik: npm run account:create -- <e-mailadres> <wachtwoord (minstens 10 tekens)> [naam]");
  process.exit(2);
}

const config = await loadConfigOrExit();
// Loaded only once the configuration is valid.
const [{ openDatabase }, { createAuth }, { markEmailVerified }] = await Promise.all([
  import("../src/db/client.ts"),
  import("../src/server/auth/auth.ts"),
  import("../src/server/account/service.ts"),
]);

let database: Database | undefined;
try {
  database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
} catch (error) {
  await exitOnStartupError(error);
}
if (database) {
  try {
    const secret = await resolveSecret(config, database);
    const auth = createAuth({ db: database.db, secret, publicUrl: config.publicUrl });
    await auth.use((betterAuth) => betterAuth.api.signUpEmail({ body: { email, password, name } }));
    await markEmailVerified(database.db, email);
    const moderator = config.moderatorEmails.includes(email.toLowerCase());
    console.log(
      `Account ${email} aangemaakt.${moderator ? " Het is moderator." : " Zet het in MODERATOR_EMAILS om het moderator te maken."}`,
    );
  } catch (error) {
    console.error(`Account niet aangemaakt: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}
