import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Db } from "../../db/client.ts";
import * as schema from "../../db/schema.ts";
import type { Mailer } from "../mail.ts";

export type AuthOptions = { db: Db; secret: string; publicUrl: string; mailer?: Mailer };

/** better-auth: e-mail + password accounts, sessions in our database. */
export function createAuth({ db, secret, publicUrl, mailer }: AuthOptions) {
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
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, token }) => {
        if (!mailer) throw new Error("no mailer configured");
        await mailer.send({
          to: user.email,
          subject: "Nieuw wachtwoord voor de Verbetertool Jongeren & Arbeid",
          text: [
            `Hallo ${user.name},`,
            "",
            "Je hebt gevraagd om een nieuw wachtwoord. Kies het via deze link (een uur geldig):",
            `${publicUrl}/wachtwoord-herstellen?token=${encodeURIComponent(token)}`,
            "",
            "Heb je dit niet gevraagd? Dan hoef je niets te doen; je wachtwoord blijft hetzelfde.",
          ].join("\n"),
        });
      },
    },
    // No IP addresses with sessions: the app keeps as little personal data as it can (AVG).
    advanced: { ipAddress: { disableIpTracking: true } },
    telemetry: { enabled: false },
  });
}
export type Auth = ReturnType<typeof createAuth>;
