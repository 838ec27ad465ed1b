import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Transporter } from "nodemailer";

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { send(mail: Mail): Promise<void> };

/**
 * SMTP when SMTP_URL is configured (production); otherwise the development transport writes every mail as a text
 * file into DATA_DIR/mail, so a password-reset link can be picked up without a mail server. That folder is for
 * testing only: personal invitations to respondents are not offered without SMTP_URL.
 */
export function createMailer(options: { smtpUrl?: string; from: string; dataDir: string; log: (message: string) => void }): Mailer {
  if (options.smtpUrl) {
    const smtpUrl = options.smtpUrl;
    // nodemailer (~450 kB of modules) is loaded with the first mail, not at start-up; one transport for all mails.
    let transport: Promise<Transporter> | undefined;
    const open = () => {
      transport ??= import("nodemailer")
        .then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl))
        .catch((error: unknown) => {
          transport = undefined;
          throw error;
        });
      return transport;
    };
    return { send: async (mail) => void (await (await open()).sendMail({ from: options.from, ...mail })) };
  }
  const dir = join(options.dataDir, "mail");
  return {
    send: async (mail) => {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${mail.to.replace(/[^a-z0-9@._-]/gi, "_")}.txt`);
      writeFileSync(file, `Van: ${options.from}\nAan: ${mail.to}\nOnderwerp: ${mail.subject}\n\n${mail.text}\n`);
      options.log(`mail (development transport, for testing only: set SMTP_URL in production) written to ${file}`);
    },
  };
}
