import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The path (with query) of the newest verification link mailed to `email`, read from the app's development mail
 * folder (`TestServer.mailDir`); undefined while no such mail is there. Poll it with `expect.poll`.
 */
export function mailedVerificationPath(mailDir: string, email: string): string | undefined {
  if (!existsSync(mailDir)) return undefined;
  const files = readdirSync(mailDir)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  for (const file of files.reverse()) {
    const text = readFileSync(join(mailDir, file), "utf8");
    if (!text.includes(`Aan: ${email}\n`)) continue;
    const link = text.match(/https?:\/\/\S+\/api\/auth\/verify-email\?\S+/)?.[0];
    if (link) {
      const url = new URL(link);
      return `${url.pathname}${url.search}`;
    }
  }
  return undefined;
}
