import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./fixtures.ts";

/** A GET with exactly the headers given (fetch would add and undo Accept-Encoding by itself). */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body: Buffer.concat(chunks) }),
      );
    })
      .on("error", reject)
      .end();
  });
}

/** How the built web app and the API travel: compressed when the client accepts it, hashed assets cached for good. */
describe("delivery of the built app", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  it("compresses the assets and JSON with brotli or gzip, and only when asked", async () => {
    const page = await get(`${server.url}/`, { "accept-encoding": "br" });
    const html = page.body.toString("utf8");
    expect(html).toContain('<html lang="nl"');
    expect(page.headers["cache-control"]).toBe("no-cache");

    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const plain = await get(`${server.url}${script}`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const gzipped = await get(`${server.url}${script}`, { "accept-encoding": "gzip" });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 2);

    const tool = await get(`${server.url}/api/tools/jongeren-en-arbeid`, { "accept-encoding": "br" });
    expect(tool.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(tool.body).toString("utf8")).id).toBe("jongeren-en-arbeid");
  });

  it("lets browsers keep hashed assets for a year and asks again for everything else", async () => {
    const html = (await get(`${server.url}/`)).body.toString("utf8");
    const style = html.match(/href="(\/assets\/[^"]+\.css)"/)?.[1];
    expect(style).toBeDefined();
    const asset = await get(`${server.url}${style}`);
    expect(asset.status).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const deepLink = await get(`${server.url}/kennisbank`);
    expect(deepLink.headers["cache-control"]).toBe("no-cache");
  });
});
