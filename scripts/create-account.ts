// Creates an account from the command line (for a moderator: also name its e-mail in MODERATOR_EMAILS).
// Usage: npm run account:create -- <e-mail> <password> [name]
// Uses the same database as the app: DATABASE_URL when set, otherwise the embedded database in DATA_DIR.
import { openDatabase } from "../src/db/client.ts";
import { createAuth } from "../src/server/auth/auth.ts";
import { loadConfig } from "../src/server/config.ts";

const [email, password, name = "Moderator"] = process.argv.slice(2);
if (!email || !password) {
  console.error("Gebruik: npm run account:create -- <e-mailadres> <wachtwoord (minstens 10 tekens)> [naam]");
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
try {
  const auth = createAuth({ db: database.db, secret: config.secret, publicUrl: config.publicUrl });
  await auth.api.signUpEmail({ body: { email, password, name } });
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
