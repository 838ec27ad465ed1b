import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { z } from "zod";
import type { Db } from "../../db/client.ts";
import type { AnswerValue } from "../../domain/checks/answers.ts";
import type { Submission } from "../../domain/kennisbank/submission.ts";
import type { roundInputSchema, teamInputSchema } from "../../domain/teams/inputs.ts";
import type { Perspective } from "../../domain/teams/perspectives.ts";
import { moderateSubmission, submitProject } from "../kennisbank/service.ts";

/**
 * Test-data factories: they make checks, accounts, teams, rounds and respondents through the public API, the same
 * way for API tests (app.inject) and browser tests (HTTP against the running server). A factory throws with the
 * status and body when the API refuses, so a broken precondition fails loudly at its cause.
 */

export type ApiResponse = Pick<LightMyRequestResponse, "statusCode" | "body" | "rawPayload" | "headers" | "json">;
export type ApiRequest = { payload?: unknown; cookie?: string; headers?: Record<string, string> };
export type Api = (method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, request?: ApiRequest) => Promise<ApiResponse>;

/** The origin better-auth and the CSRF checks expect from the app's own pages. */
export const APP_ORIGIN = "http://localhost:3000";
export const TOOL_ID = "jongeren-en-arbeid";

const headersOf = ({ cookie, headers }: ApiRequest) => ({ ...(cookie ? { cookie } : {}), ...headers });

/** An API client on an app in this process. */
export function injectApi(app: FastifyInstance): Api {
  return (method, url, request = {}) =>
    app.inject({ method, url, payload: request.payload as InjectOptions["payload"], headers: headersOf(request) });
}

/** An API client over HTTP, for a server started elsewhere (browser tests). */
export function httpApi(baseUrl: string): Api {
  return async (method, url, request = {}) => {
    const hasBody = request.payload !== undefined;
    const res = await fetch(new URL(url, baseUrl), {
      method,
      headers: { ...(hasBody ? { "content-type": "application/json" } : {}), ...headersOf(request) },
      body: hasBody ? JSON.stringify(request.payload) : undefined,
    });
    const rawPayload = Buffer.from(await res.arrayBuffer());
    const body = rawPayload.toString("utf8");
    const headers: Record<string, string | string[]> = Object.fromEntries(res.headers);
    const cookies = res.headers.getSetCookie();
    if (cookies.length > 0) headers["set-cookie"] = cookies;
    return { statusCode: res.status, body, rawPayload, headers, json: () => JSON.parse(body) };
  };
}

async function expectStatus(res: ApiResponse | Promise<ApiResponse>, status: number, what: string): Promise<ApiResponse> {
  const response = await res;
  if (response.statusCode !== status) throw new Error(`${what}: expected ${status}, got ${response.statusCode} ${response.body}`);
  return response;
}

/** An address no other test uses, so files sharing a server never collide. */
export const uniqueEmail = (prefix = "test") => `${prefix}-${Math.random().toString(36).slice(2, 10)}@example.nl`;

export const DEFAULT_PASSWORD = "een-goed-wachtwoord-1";

/** Signs up (or in, when the account exists) through the real better-auth endpoints; returns the session cookie. */
export async function signUp(api: Api, email = uniqueEmail(), password = DEFAULT_PASSWORD, name = "Test"): Promise<string> {
  const headers = { origin: APP_ORIGIN };
  let res = await api("POST", "/api/auth/sign-up/email", { payload: { email, password, name }, headers });
  if (res.statusCode !== 200) res = await api("POST", "/api/auth/sign-in/email", { payload: { email, password }, headers });
  await expectStatus(res, 200, `sign-in of ${email}`);
  return [res.headers["set-cookie"] ?? []]
    .flat()
    .map((c) => String(c).split(";")[0])
    .join("; ");
}

/** A new personal check; returns its id. */
export async function createCheck(api: Api, fields: { invite?: string } = {}): Promise<string> {
  const res = await expectStatus(api("POST", "/api/checks", { payload: { toolId: TOOL_ID, ...fields } }), 201, "new check");
  return res.json().id;
}

export async function saveAnswers(api: Api, checkId: string, answers: Record<string, AnswerValue | null>): Promise<void> {
  await expectStatus(api("PATCH", `/api/checks/${checkId}/answers`, { payload: { answers } }), 200, "saving answers");
}

export async function createTeam(api: Api, cookie: string, fields: Partial<z.input<typeof teamInputSchema>> = {}) {
  const payload = { name: "Team Test", organisation: "Gemeente Test", region: "Testregio", ...fields };
  const res = await expectStatus(api("POST", "/api/teams", { cookie, payload }), 201, "new team");
  return res.json().id as string;
}

export async function createRound(api: Api, cookie: string, teamId: string, fields: Partial<z.input<typeof roundInputSchema>> = {}) {
  const payload = { name: "Voorjaar", ...fields };
  const res = await expectStatus(api("POST", `/api/teams/${teamId}/rounds`, { cookie, payload }), 201, "new round");
  return res.json() as { id: string; invites: Record<Perspective, string> };
}

/** The token at the end of an invite link. */
export const inviteToken = (inviteUrl: string) => inviteUrl.split("/").at(-1) ?? "";

type ToolShape = { themes: { items: { id: string; notAskedOf?: string[] }[] }[] };
let toolContent: Promise<ToolShape> | undefined;
const loadTool = (api: Api) => {
  toolContent ??= api("GET", `/api/tools/${TOOL_ID}`).then((res) => res.json() as ToolShape);
  return toolContent;
};

/** The factor ids of the tool a perspective is asked (all 31 for professionals), read once through the public API. */
export async function allFactorIds(api: Api, perspective: Perspective = "professional"): Promise<string[]> {
  const tool = await loadTool(api);
  return tool.themes.flatMap((t) =>
    t.items.filter((i) => perspective === "professional" || !i.notAskedOf?.includes(perspective)).map((i) => i.id),
  );
}

/** The given answers, every other factor the perspective is asked n.v.t.: a response that counts. */
export async function completeAnswers(
  api: Api,
  answers: Record<string, AnswerValue>,
  perspective: Perspective = "professional",
): Promise<Record<string, AnswerValue>> {
  return { ...Object.fromEntries((await allFactorIds(api, perspective)).map((id) => [id, "nvt" as const])), ...answers };
}

/**
 * A respondent through an invite link, as the respondent pages do it: start, answer, hand in. Factors not given are
 * answered n.v.t., so the response counts. Each call is a new browser (no cookies). Returns the check id.
 */
export async function respond(api: Api, inviteUrl: string, answers: Record<string, AnswerValue>): Promise<string> {
  const token = inviteToken(inviteUrl);
  const perspective = (await api("GET", `/api/invites/${token}`)).json().perspective as Perspective;
  const id = await createCheck(api, { invite: token });
  await saveAnswers(api, id, await completeAnswers(api, answers, perspective));
  await expectStatus(api("POST", `/api/checks/${id}/submit`), 200, "handing in");
  return id;
}

/** One browser: keeps the cookies the server sets and sends them back, like a respondent's browser does. */
export function browser(api: Api): Api & { cookies: Map<string, string> } {
  const cookies = new Map<string, string>();
  const client: Api = async (method, url, request = {}) => {
    const jar = [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await api(method, url, { ...request, cookie: [request.cookie, jar].filter(Boolean).join("; ") || undefined });
    for (const header of [res.headers["set-cookie"] ?? []].flat()) {
      const [pair = ""] = String(header).split(";");
      const eq = pair.indexOf("=");
      const value = pair.slice(eq + 1);
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(String(header))) cookies.delete(pair.slice(0, eq));
      else cookies.set(pair.slice(0, eq), value);
    }
    return res;
  };
  return Object.assign(client, { cookies });
}

const ENTRY_DEFAULTS: Submission = {
  type: "praktijkvoorbeeld",
  title: "Voorbeeld",
  summary: "Een korte samenvatting.",
  body: "Een beschrijving.",
  organisation: "Testorganisatie",
  region: "Testregio Noord",
  targetGroups: [],
  themes: [],
  factors: [],
  keyElements: [],
  results: [],
};

/** A published kennisbank entry, as if submitted and approved by a moderator; returns its slug. */
export async function publishEntry(db: Db, fields: Partial<Submission> = {}): Promise<string> {
  const { slug } = await submitProject(db, { ...ENTRY_DEFAULTS, ...fields });
  await moderateSubmission(db, slug, { decision: "approve" });
  return slug;
}
