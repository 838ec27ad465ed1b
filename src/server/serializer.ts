import { createRequire } from "node:module";
import { serializerCompiler as zodSerializerCompiler } from "fastify-type-provider-zod";
import { z } from "zod";

/**
 * The serializer compiler of every route (decision 0034). A response schema is a zod schema in the domain; the
 * response is written by fast-json-stringify from that schema's JSON Schema (`z.toJSONSchema`, io "output"): only
 * the declared properties are written (an object's others are dropped, as zod's encode drops them), in the declared
 * types, a missing required property is an error. That costs about what `JSON.stringify` does, where zod's
 * `safeEncode` followed by `JSON.stringify` (fastify-type-provider-zod's compiler) doubled the cost of the results
 * read's serialisation. Where a schema cannot be written that way — a union of objects, a transform, no JSON Schema
 * at all — the route keeps zod's compiler.
 *
 * What fast-json-stringify does not do is validate: an enum or a literal is written as the value given (a literal
 * as the literal), a string's format or length is not checked. Handlers are type-checked against the schemas, so
 * that is what TypeScript already guarantees.
 *
 * fast-json-stringify (and ajv with it) is loaded, and a route's serializer compiled, on the route's first response,
 * so start-up does not pay for either.
 */

type Serialize = (data: unknown) => string;
type FastJsonStringify = (schema: object, options?: object) => Serialize;

const require = createRequire(import.meta.url);
let fastJsonStringify: FastJsonStringify | undefined;

type JsonSchema = { [key: string]: unknown };

/** Marks a part of a schema JSON Schema cannot express (a bigint, a custom type…): the route stays with zod. */
const UNREPRESENTABLE = "x-unrepresentable";
const UNREPRESENTABLE_TYPES = new Set([
  "bigint",
  "symbol",
  "undefined",
  "void",
  "map",
  "set",
  "nan",
  "custom",
  "function",
  "promise",
  "transform",
]);

/** Keywords fast-json-stringify would need ajv for at run time (or does not support): such a schema stays with zod. */
const UNSUPPORTED = new Set([
  "anyOf",
  "oneOf",
  "allOf",
  "not",
  "if",
  "then",
  "else",
  "$ref",
  "patternProperties",
  "dependentSchemas",
  UNREPRESENTABLE,
]);
const PRIMITIVES = new Set(["string", "number", "integer", "boolean", "null"]);

const isSchema = (value: unknown): value is JsonSchema => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The JSON Schema in the subset fast-json-stringify writes without ajv: `anyOf` of primitive types becomes a list of
 * types, `anyOf` of one schema and null becomes `nullable`; keywords that only validate are dropped. Undefined when
 * something else is left.
 */
export function simplify(schema: JsonSchema): JsonSchema | undefined {
  let current: JsonSchema = { ...schema };
  const branches = current.anyOf ?? current.oneOf;
  if (Array.isArray(branches)) {
    const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = current;
    const parts = branches.filter(isSchema);
    const nullBranch = parts.filter((part) => part.type === "null");
    const others = parts.filter((part) => part.type !== "null");
    if (others.length === 1 && nullBranch.length === 1) {
      const inner = simplify(others[0] as JsonSchema);
      if (!inner) return undefined;
      return { ...rest, ...inner, nullable: true };
    }
    const types = parts.map((part) => part.type);
    if (types.some((type) => typeof type !== "string" || !PRIMITIVES.has(type))) return undefined;
    if (parts.some((part) => Object.keys(part).some((key) => !["type", "const", "enum", "description", "format"].includes(key))))
      return undefined;
    current = { ...rest, type: [...new Set(types as string[])] };
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(current)) {
    if (UNSUPPORTED.has(key)) return undefined;
    if (key === "properties" && isSchema(value)) {
      const properties: JsonSchema = {};
      for (const [name, property] of Object.entries(value)) {
        const simple = isSchema(property) ? simplify(property) : undefined;
        if (!simple) return undefined;
        properties[name] = simple;
      }
      out.properties = properties;
    } else if ((key === "items" || key === "additionalProperties") && isSchema(value)) {
      const simple = simplify(value);
      if (!simple) return undefined;
      out[key] = simple;
    } else if (key === "items" && Array.isArray(value)) {
      return undefined;
    } else if (["enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "propertyNames", "minItems", "maxItems"].includes(key)) {
      // Validation only: the value is written as given.
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** The JSON Schema fast-json-stringify can write a response from, or undefined (then zod's compiler serves). */
export function writableJsonSchema(schema: z.ZodType): JsonSchema | undefined {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, {
      io: "output",
      target: "draft-7",
      unrepresentable: "any",
      override: (ctx) => {
        const type = ctx.zodSchema._zod.def.type;
        // Dates leave as ISO 8601 strings (fast-json-stringify writes a Date with toISOString for this format).
        if (type === "date") Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
        else if (UNREPRESENTABLE_TYPES.has(type)) ctx.jsonSchema[UNREPRESENTABLE] = true;
      },
    }) as JsonSchema;
  } catch {
    return undefined;
  }
  const { $schema: _schema, ...rest } = json;
  // An empty schema (z.unknown(), a file response) has nothing to write by: JSON.stringify through zod.
  if (Object.keys(rest).length === 0 || rest.type === "null") return undefined;
  return simplify(rest);
}

/** A serializer for one response schema: fast-json-stringify compiled on first use, or zod's. */
export function compileResponseSerializer(schema: z.ZodType, route: { method: string; url: string } = { method: "", url: "" }): Serialize {
  const zod = () => zodSerializerCompiler({ schema, method: route.method, url: route.url } as never) as Serialize;
  const json = writableJsonSchema(schema);
  if (!json) return zod();
  let serialize: Serialize | undefined;
  return (data) => {
    if (!serialize) {
      fastJsonStringify ??= require("fast-json-stringify") as FastJsonStringify;
      serialize = fastJsonStringify(json);
    }
    return serialize(data);
  };
}

/** Fastify's serializer compiler: `schema` is the route's response schema for one status (and content type). */
export const responseSerializerCompiler = ({ schema, method, url }: { schema: unknown; method: string; url: string }): Serialize => {
  if (schema instanceof z.ZodType) return compileResponseSerializer(schema, { method, url });
  return zodSerializerCompiler({ schema, method, url } as never) as Serialize;
};
