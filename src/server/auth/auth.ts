import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Db } from "../../db/client.ts";
import * as schema from "../../db/schema.ts";

export type AuthOptions = { db: Db; secret: string; publicUrl: string };

/** better-auth: e-mail + password accounts, sessions in our database. */
export function createAuth({ db, secret, publicUrl }: AuthOptions) {
  return betterAuth({
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    secret,
    baseURL: publicUrl,
    basePath: "/api/auth",
    // Same-origin requests are trusted besides PUBLIC_URL, so the app also works on the address it is reached on.
    trustedOrigins: (request) => {
      const host = request?.headers.get("host");
      return host ? [publicUrl, `http://${host}`, `https://${host}`] : [publicUrl];
    },
    emailAndPassword: { enabled: true, minPasswordLength: 10 },
    // No IP addresses with sessions: the app keeps as little personal data as it can (AVG).
    advanced: { ipAddress: { disableIpTracking: true } },
    telemetry: { enabled: false },
  });
}
export type Auth = ReturnType<typeof createAuth>;
