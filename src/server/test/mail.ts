import { SMTPServer } from "smtp-server";

export type CapturedMail = { to: string; text: string };
export type MailCatcher = { smtpUrl: string; received: CapturedMail[]; close: () => Promise<void> };

/** A real SMTP server on a free local port that keeps what it receives, so tests send mail the way production does. */
export async function startMailCatcher(): Promise<MailCatcher> {
  const received: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        // Undo quoted-printable soft line breaks, so links can be read whole.
        const text = Buffer.concat(chunks)
          .toString("utf8")
          .replace(/=\r?\n/g, "");
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The respondent links (`/meedoen/<token>`) in a mail. */
export const inviteTokensIn = (text: string) => [...text.matchAll(/\/meedoen\/([A-Za-z0-9_-]{20,64})/g)].map((m) => m[1] ?? "");
