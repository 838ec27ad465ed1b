import { describe, expect, it } from "vitest";
import { databaseTargets } from "./test/databases.ts";
import { useTestApp } from "./test/use-app.ts";

/*
 * The response contract (issue 14): every operation of the OpenAPI document outside better-auth's `/api/auth/*`
 * declares what it answers, and every JSON answer has a real shape — an object, or an array of objects — never the
 * empty schema `{}` that `z.unknown()` gives. The routes serialise their responses through the same schemas, so a
 * route missing here would also send fields nobody declared.
 */

type JsonSchema = { type?: string | string[]; items?: JsonSchema; properties?: object; additionalProperties?: unknown };
type Response = { description?: string; content?: Record<string, { schema?: JsonSchema }> };
type Operation = { responses?: Record<string, Response> };
type Document = { paths: Record<string, Record<string, Operation>> };

const METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options"]);

const isObjectSchema = (schema: JsonSchema | undefined): boolean => {
  const types = schema?.type === undefined ? [] : ([] as string[]).concat(schema.type);
  return types.includes("object");
};

/** A JSON body with a shape: an object, or an array of objects. */
const hasShape = (schema: JsonSchema | undefined): boolean => {
  if (isObjectSchema(schema)) return true;
  const types = schema?.type === undefined ? [] : ([] as string[]).concat(schema.type);
  return types.includes("array") && isObjectSchema(schema?.items);
};

describe.each(databaseTargets())("OpenAPI document on $name", (target) => {
  const ctx = useTestApp(target);

  const operations = async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const document = res.json<Document>();
    return Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, path, operation })),
    );
  };

  it("declares a response for every operation outside /api/auth/*", async () => {
    const all = await operations();
    expect(all.length).toBeGreaterThan(30);
    // @fastify/swagger writes `200: Default Response` (no content) for a route without a response schema.
    const undeclared = all
      .filter(({ path }) => !path.startsWith("/api/auth/"))
      .filter(({ operation }) => {
        const responses = Object.entries(operation.responses ?? {});
        return (
          responses.length === 0 ||
          responses.every(([, response]) => response.description === "Default Response" && response.content === undefined)
        );
      })
      .map(({ name }) => name);
    expect(undeclared, `operations without a declared response:\n${undeclared.join("\n")}`).toEqual([]);
  });

  it("gives every JSON response a shape (an object or an array of objects, not {})", async () => {
    const shapeless = (await operations()).flatMap(({ name, operation }) =>
      Object.entries(operation.responses ?? {}).flatMap(([status, response]) =>
        Object.entries(response.content ?? {})
          .filter(([type]) => type.includes("json"))
          .filter(([, { schema }]) => !hasShape(schema))
          .map(([type, { schema }]) => `${name} ${status} ${type}: ${JSON.stringify(schema)}`),
      ),
    );
    expect(shapeless, `JSON responses without a shape:\n${shapeless.join("\n")}`).toEqual([]);
  });

  it("describes the check routes' answers field by field", async () => {
    const byName = new Map((await operations()).map(({ name, operation }) => [name, operation]));
    const json = (name: string, status: string) => byName.get(name)?.responses?.[status]?.content?.["application/json"]?.schema;
    expect(Object.keys(json("PATCH /api/checks/{id}/answers", "200")?.properties ?? {})).toEqual(["id", "saved"]);
    expect(Object.keys(json("GET /api/checks/{id}/results", "200")?.properties ?? {})).toEqual([
      "overall",
      "themes",
      "answers",
      "tipOrder",
    ]);
    expect(Object.keys(json("GET /api/checks/{id}/results", "404")?.properties ?? {})).toEqual(["error", "field"]);
  });
});
