import { describe, expect, it } from "vitest";
import { type CheckFacts, CheckFactsCache } from "./facts.ts";

const facts = (toolId: string): CheckFacts => ({ toolId, round: null, channel: null });

describe("the cache of checks' facts", () => {
  it("keeps at most its capacity, dropping the least recently used", () => {
    const cache = new CheckFactsCache(3);
    for (const id of ["a", "b", "c"]) cache.remember(id, facts(id));
    expect(cache.get("a")).toEqual(facts("a"));
    cache.remember("d", facts("d"));
    expect(cache.size).toBe(3);
    // "b" was used least recently ("a" was read after it).
    expect(cache.get("b")).toBeUndefined();
    expect(["a", "c", "d"].map((id) => cache.get(id)?.toolId)).toEqual(["a", "c", "d"]);
  });

  it("replaces an entry remembered again without growing", () => {
    const cache = new CheckFactsCache(2);
    cache.remember("a", facts("x"));
    cache.remember("a", facts("y"));
    expect(cache.size).toBe(1);
    expect(cache.get("a")?.toolId).toBe("y");
  });
});
