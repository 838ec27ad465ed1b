import { describe, expect, it } from "vitest";
import { LruMap } from "./lru.ts";

describe("LruMap", () => {
  it("keeps at most its capacity, dropping the least recently used", () => {
    const cache = new LruMap<string, string>(3);
    for (const id of ["a", "b", "c"]) cache.set(id, id.toUpperCase());
    expect(cache.get("a")).toBe("A");
    cache.set("d", "D");
    expect(cache.size).toBe(3);
    // "b" was used least recently ("a" was read after it).
    expect(cache.get("b")).toBeUndefined();
    expect(["a", "c", "d"].map((id) => cache.get(id))).toEqual(["A", "C", "D"]);
  });

  it("replaces an entry set again without growing", () => {
    const cache = new LruMap<string, string>(2);
    cache.set("a", "x");
    cache.set("a", "y");
    expect(cache.size).toBe(1);
    expect(cache.get("a")).toBe("y");
  });

  it("peeks without counting as a use, deletes and clears", () => {
    const cache = new LruMap<string, string>(2);
    cache.set("a", "A");
    cache.set("b", "B");
    expect(cache.peek("a")).toBe("A");
    cache.set("c", "C");
    // Peeking did not save "a": it was still the least recently used.
    expect(cache.peek("a")).toBeUndefined();
    cache.delete("b");
    expect(cache.size).toBe(1);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
