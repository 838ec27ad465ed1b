import { describe, expect, it } from "vitest";
import { z } from "zod";
import { accountExportResponse, meResponse } from "../domain/account/responses.ts";
import { answersSavedResponse, checkResponse, resultsSummaryResponse } from "../domain/checks/responses.ts";
import { entryPageResponse, searchPageResponse } from "../domain/kennisbank/responses.ts";
import { errorResponse } from "../domain/wire.ts";
import { compileResponseSerializer, writableJsonSchema } from "./serializer.ts";

describe("response serializer", () => {
  it("writes the hot routes' and the areas' schemas with fast-json-stringify, not zod", () => {
    for (const schema of [
      answersSavedResponse,
      resultsSummaryResponse,
      checkResponse,
      searchPageResponse,
      entryPageResponse,
      meResponse,
      accountExportResponse,
      errorResponse,
    ]) {
      expect(writableJsonSchema(schema)).toBeDefined();
    }
  });

  it("writes only the declared fields, dates as ISO strings, null where nullable", () => {
    const serialize = compileResponseSerializer(
      z.object({ id: z.string(), at: z.date(), gone: z.date().nullable(), user: z.object({ name: z.string() }).nullable() }),
    );
    const out = serialize({ id: "a", at: new Date(0), gone: null, user: { name: "b", email: "geheim@example.nl" }, token: "geheim" });
    expect(JSON.parse(out)).toEqual({ id: "a", at: "1970-01-01T00:00:00.000Z", gone: null, user: { name: "b" } });
    expect(serialize({ id: "a", at: new Date(0), gone: new Date(1000), user: null })).toBe(
      '{"id":"a","at":"1970-01-01T00:00:00.000Z","gone":"1970-01-01T00:00:01.000Z","user":null}',
    );
  });

  it('writes records and unions of primitives (answers: a score, "nvt" or "weetniet")', () => {
    const serialize = compileResponseSerializer(resultsSummaryResponse);
    const summary = {
      overall: 6.5,
      themes: [{ id: "1", score: null, answered: 0, notApplicable: 1, unanswered: 2, extra: 1 }],
      answers: { "1.1": 7, "1.2": "nvt", "1.4": "weetniet" },
      tipOrder: ["1.1", "1.3", "1.2", "1.4"],
    };
    const { themes, ...rest } = summary;
    expect(JSON.parse(serialize(summary))).toEqual({
      ...rest,
      themes: [{ id: "1", score: null, answered: 0, notApplicable: 1, unanswered: 2 }],
    });
  });

  it("refuses a response without a required field", () => {
    expect(() => compileResponseSerializer(answersSavedResponse)({ id: "a" })).toThrow();
  });

  it("keeps zod's encode for what JSON Schema cannot say: a union of objects, a transform", () => {
    const union = z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]);
    expect(writableJsonSchema(union)).toBeUndefined();
    expect(compileResponseSerializer(union)({ a: "x", c: 1 })).toBe('{"a":"x"}');
    const transformed = z.object({ n: z.string().transform((s) => s.length) });
    expect(writableJsonSchema(transformed)).toBeUndefined();
    expect(writableJsonSchema(z.unknown())).toBeUndefined();
  });
});
