import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** Someone the test provider knows: `sub` is also what they type as login name on its sign-in form. */
export type ProviderPerson = { sub: string; email: string; emailVerified: boolean; name: string };

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Makes `person` known to the provider (again, with new claims, when the sub is known). */
  add(person: ProviderPerson): void;
  close(): Promise<void>;
};

const listen = (server: Server, port = 0) =>
  new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });

/** A port nobody listens on right now (for a server whose address must be known before it starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A real OpenID Connect provider (panva's oidc-provider) on a free local port, with one confidential client whose
 * redirect URI is `redirectUri`. Its development interactions serve the sign-in and consent forms a person fills in;
 * any password is accepted for a known login name. The signing keys are its development keys, made at start.
 */
export async function startOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  const people = new Map<string, ProviderPerson>();
  const server = createServer();
  const port = await listen(server);
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "verbetertool-test";
  const clientSecret = "test-client-secret-that-is-long-enough";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["test-cookie-key-for-the-oidc-provider"] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    // Lifetimes in seconds, set so the provider does not note its defaults on every sign-in.
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    async findAccount(_ctx, sub) {
      const person = people.get(sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email: person.email, email_verified: person.emailVerified, name: person.name }),
      };
    },
  });
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    add: (person) => people.set(person.sub, person),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * What a browser does in a sign-in: keeps cookies per host and follows redirects one by one, over HTTP. Cookie
 * handling is the little these servers need: name=value per host, removed by `Max-Age=0` or an expiry in the past.
 */
export class TestBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookieHeader(url: string): string {
    return [...(this.jars.get(new URL(url).host) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async request(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const cookie = this.cookieHeader(url);
    const response = await fetch(url, {
      method: init.method ?? "GET",
      body: init.body,
      redirect: "manual",
      headers: { ...(cookie ? { cookie } : {}), ...init.headers },
    });
    const jar = this.jars.get(new URL(url).host) ?? new Map<string, string>();
    this.jars.set(new URL(url).host, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      const gone = attributes.some((a) => {
        const [key = "", value = ""] = a.split("=");
        return (
          (key.toLowerCase() === "max-age" && Number(value) <= 0) || (key.toLowerCase() === "expires" && Date.parse(value) < Date.now())
        );
      });
      if (gone) jar.delete(name);
      else jar.set(name, pair.slice(at + 1));
    }
    return response;
  }

  /**
   * Follows redirects from `url` while `keepGoing(next)` says so; returns the last response and the URL it came from,
   * and `location`: where the last redirect pointed but was not followed (null when the last answer is no redirect).
   */
  async follow(url: string, keepGoing: (next: URL) => boolean): Promise<{ url: string; response: Response; location: URL | null }> {
    let current = url;
    for (let hop = 0; hop < 20; hop++) {
      const response = await this.request(current);
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response, location: null };
      const next = new URL(location, current);
      if (!keepGoing(next)) return { url: current, response, location: next };
      current = next.href;
    }
    throw new Error(`more than 20 redirects from ${url}`);
  }

  /** Submits the first form in `html` (found at `pageUrl`), its hidden fields plus `fields`; returns the answer. */
  async submitForm(pageUrl: string, html: string, fields: Record<string, string>): Promise<Response> {
    const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
    if (!form) throw new Error(`no form on ${pageUrl}:\n${html.slice(0, 500)}`);
    const values = new URLSearchParams();
    for (const input of form[2]?.matchAll(/<input[^>]*type="hidden"[^>]*>/gi) ?? []) {
      const name = /name="([^"]*)"/.exec(input[0])?.[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
      if (name) values.set(name, value);
    }
    for (const [name, value] of Object.entries(fields)) values.set(name, value);
    const action = new URL((form[1] ?? "").replaceAll("&amp;", "&"), pageUrl).href;
    return this.request(action, {
      method: "POST",
      body: values.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  }
}
