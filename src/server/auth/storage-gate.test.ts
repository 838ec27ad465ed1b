import { AsyncLocalStorage } from "node:async_hooks";
import { describe, expect, it } from "vitest";
import { promiseTrackingOn } from "../test/promise-tracking.ts";
import { StorageGate } from "./storage-gate.ts";

describe("StorageGate", () => {
  it("leaves promise tracking on while gated work is in flight and switches it off when the last one ends", async () => {
    const gate = new StorageGate();
    const storage = new AsyncLocalStorage<string>();
    gate.watch(storage);
    expect(await promiseTrackingOn()).toBe(false);

    let finishFirst = () => {};
    const released = new Promise<void>((resolve) => {
      finishFirst = resolve;
    });
    const first = gate.during(() =>
      storage.run("first", async () => {
        await released;
        return storage.getStore();
      }),
    );
    const second = gate.during(() =>
      storage.run("second", async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return storage.getStore();
      }),
    );
    // The second ends first: the first is still in flight, so storage stays on and still carries its value.
    expect(await second).toBe("second");
    expect(gate.inFlight).toBe(1);
    expect(await promiseTrackingOn()).toBe(true);
    finishFirst();
    expect(await first).toBe("first");
    expect(gate.inFlight).toBe(0);
    expect(await promiseTrackingOn()).toBe(false);
    expect(storage.getStore()).toBeUndefined();
  });

  it("switches off after work that fails, and storage works again in the next piece of work", async () => {
    const gate = new StorageGate();
    const storage = new AsyncLocalStorage<number>();
    gate.watch(storage);
    await expect(gate.during(() => storage.run(1, async () => Promise.reject(new Error("kapot"))))).rejects.toThrow("kapot");
    expect(await promiseTrackingOn()).toBe(false);
    expect(
      await gate.during(() =>
        storage.run(2, async () => {
          await Promise.resolve();
          return storage.getStore();
        }),
      ),
    ).toBe(2);
    expect(await promiseTrackingOn()).toBe(false);
  });

  it("switches a storage off when it is watched while nothing is in flight", async () => {
    const storage = new AsyncLocalStorage<number>();
    storage.enterWith(1);
    expect(await promiseTrackingOn()).toBe(true);
    new StorageGate().watch(storage);
    expect(await promiseTrackingOn()).toBe(false);
  });
});
