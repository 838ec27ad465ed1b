import type { FastifyInstance } from "fastify";

/** Signs up (or in, when the account exists) through the real better-auth endpoints; returns the session cookie. */
export async function signUp(app: FastifyInstance, email: string, password = "een-goed-wachtwoord-1", name = "Test"): Promise<string> {
  const headers = { origin: "http://localhost:3000" };
  let res = await app.inject({ method: "POST", url: "/api/auth/sign-up/email", payload: { email, password, name }, headers });
  if (res.statusCode !== 200)
    res = await app.inject({ method: "POST", url: "/api/auth/sign-in/email", payload: { email, password }, headers });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  return [res.headers["set-cookie"] ?? []]
    .flat()
    .map((c) => c.split(";")[0])
    .join("; ");
}
