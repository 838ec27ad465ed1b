import { describe, expect, it } from "vitest";
import { newSecretId } from "../ids.ts";
import { REDACTED, scrubText, scrubValue, serializeError } from "./redact.ts";

describe("scrubText", () => {
  it("replaces e-mail addresses, also URL-encoded and inside file names", () => {
    expect(scrubText("mail voor jan.de-vries+test@gemeente.nl verstuurd")).toBe(`mail voor ${REDACTED} verstuurd`);
    expect(scrubText("/reset?email=jan%40gemeente.nl&x=1")).toBe(`/reset?email=${REDACTED}&x=1`);
    expect(scrubText("/data/mail/2026-01-01T10-00-00-000Z-jan@example.nl.txt")).toBe(`/data/mail/${REDACTED}`);
  });

  it("replaces check ids, invite tokens and other long random ids, whatever surrounds them", () => {
    for (let i = 0; i < 200; i++) {
      const id = newSecretId();
      expect(scrubText(`/api/checks/${id}/answers`)).toBe(`/api/checks/${REDACTED}/answers`);
      expect(scrubText(`token=${id}.`)).toBe(`token=${REDACTED}.`);
    }
    expect(scrubText("sessie 6Yd8kPq2ZrT1vWx9mN3bC7aL")).toBe(`sessie ${REDACTED}`);
  });

  it("keeps words, constants, paths and short numbers readable", () => {
    const kept = [
      "FST_ERR_CTP_INVALID_MEDIA_TYPE",
      "duplicate key value violates unique constraint kennisbank_entries_pkey",
      "/api/checks/:id/plan/actions/:actionId",
      "retention: raw responses of 3 round(s) deleted",
      "node_modules/fastify-type-provider-zod/dist/index.js:12:7",
    ];
    for (const text of kept) expect(scrubText(text)).toBe(text);
  });
});

describe("scrubValue", () => {
  it("replaces secret keys whole and scrubs strings at any depth, without changing the input", () => {
    const id = newSecretId();
    const input = { email: "a@b.nl", nested: { list: [`check ${id}`, 3], Authorization: "Bearer x", "set-cookie": ["s=1"] } };
    expect(scrubValue(input)).toEqual({
      email: REDACTED,
      nested: { list: [`check ${REDACTED}`, 3], Authorization: REDACTED, "set-cookie": REDACTED },
    });
    expect(input.email).toBe("a@b.nl");
  });

  it("leaves instances other than errors to the serializers", () => {
    const date = new Date(0);
    expect((scrubValue({ at: date }) as { at: Date }).at).toBe(date);
  });
});

describe("serializeError", () => {
  it("scrubs message and stack top, drops query parameters, keeps frames and code, follows the cause", () => {
    const id = newSecretId();
    const cause = Object.assign(new Error(`key (id)=(${id}) already exists`), { code: "23505" });
    const error = Object.assign(new Error(`Failed query: insert into "checks" values ($1)\nparams: ${id},jan@example.nl`, { cause }), {
      query: 'insert into "checks" values ($1)',
      params: [id, "jan@example.nl"],
    });
    const out = serializeError(error) as Record<string, unknown>;
    expect(out.type).toBe("Error");
    expect(out.message).toBe(`Failed query: insert into "checks" values ($1)\nparams: ${REDACTED}`);
    expect(out.params).toBe(REDACTED);
    expect(out.query).toBe('insert into "checks" values ($1)');
    expect(String(out.stack)).toMatch(/^Error: Failed query/);
    expect(String(out.stack)).toContain("redact.test.ts");
    expect(out.cause).toMatchObject({ message: `key (id)=(${REDACTED}) already exists`, code: "23505" });
    expect(JSON.stringify(out)).not.toContain(id);
    expect(JSON.stringify(out)).not.toContain("jan@example.nl");
  });

  it("passes what is not an error through", () => {
    const plain = { type: "Error", message: "al geserialiseerd" };
    expect(serializeError(plain)).toBe(plain);
  });
});
