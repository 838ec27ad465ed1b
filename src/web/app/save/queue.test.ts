import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AnswerValue } from "../../../domain/checks/answers.ts";
import type { ActionPatch } from "../../../domain/checks/plan.ts";
import { ApiError } from "../../api/client.ts";
import { type PendingChanges, RETRY_DELAYS, SaveQueue, type SaveTransport } from "./queue.ts";

const KEY = "test:pending";

/** A real Storage, kept in memory. */
class MemoryStorage implements Storage {
  [name: string]: unknown;
  private readonly items = new Map<string, string>();

  get length(): number {
    return this.items.size;
  }

  clear(): void {
    this.items.clear();
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

/** Storage that is full: reading works, every write throws like a browser over its quota. */
class FullStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  }
}

/** Storage the browser blocks altogether (private mode, cookies off): every access throws. */
class BlockedStorage extends FullStorage {
  override getItem(): string | null {
    throw new DOMException("Access is denied.", "SecurityError");
  }

  override removeItem(): void {
    throw new DOMException("Access is denied.", "SecurityError");
  }
}

type Request =
  | { kind: "answers"; patch: Record<string, AnswerValue | null> }
  | { kind: "theme"; themeId: string; text: string }
  | { kind: "action"; actionId: string; patch: ActionPatch };

type Call = { request: Request; keepalive: boolean; settled: boolean; resolve(): void; reject(error: unknown): void };

/** Lets every queued timer and promise callback run that is due now. */
const settle = () => vi.advanceTimersByTimeAsync(0);

/** Records every request; each one waits until the test confirms or fails it (oldest first). */
class FakeTransport implements SaveTransport {
  readonly calls: Call[] = [];
  /** Runs as a request starts, e.g. to look at storage at that moment. */
  onRequest: (request: Request) => void = () => undefined;

  answers(patch: Record<string, AnswerValue | null>, keepalive = false): Promise<unknown> {
    return this.record({ kind: "answers", patch: { ...patch } }, keepalive);
  }

  themeText(themeId: string, text: string, keepalive = false): Promise<unknown> {
    return this.record({ kind: "theme", themeId, text }, keepalive);
  }

  action(actionId: string, patch: ActionPatch, keepalive = false): Promise<unknown> {
    return this.record({ kind: "action", actionId, patch: { ...patch } }, keepalive);
  }

  get requests(): Request[] {
    return this.calls.map((call) => call.request);
  }

  get open(): Call[] {
    return this.calls.filter((call) => !call.settled);
  }

  /** The server confirms the oldest open request. */
  async confirm(): Promise<void> {
    this.oldestOpen().resolve();
    await settle();
  }

  /** The oldest open request fails with `error`. */
  async fail(error: unknown): Promise<void> {
    this.oldestOpen().reject(error);
    await settle();
  }

  /** Confirms requests until none is open. */
  async confirmAll(): Promise<void> {
    while (this.open.length > 0) await this.confirm();
  }

  private oldestOpen(): Call {
    const [call] = this.open;
    if (!call) throw new Error("no request is under way");
    return call;
  }

  private record(request: Request, keepalive: boolean): Promise<unknown> {
    this.onRequest(request);
    return new Promise((resolve, reject) => {
      const call: Call = {
        request,
        keepalive,
        settled: false,
        resolve: () => {
          call.settled = true;
          resolve(undefined);
        },
        reject: (error) => {
          call.settled = true;
          reject(error);
        },
      };
      this.calls.push(call);
    });
  }
}

const offline = () => new ApiError(0, "network");
const refused = (message: string, field: string | null = null, status = 400) => new ApiError(status, message, field);

const answers = (patch: Record<string, AnswerValue | null>): Request => ({ kind: "answers", patch });
const theme = (themeId: string, text: string): Request => ({ kind: "theme", themeId, text });
const action = (actionId: string, patch: ActionPatch): Request => ({ kind: "action", actionId, patch });

const stored = (storage: Storage): PendingChanges | null => JSON.parse(storage.getItem(KEY) ?? "null");

let queues: SaveQueue[] = [];

/** A queue with its own storage, transport and event target; started, and its first send done, unless `start: false`. */
async function setup({ storage = new MemoryStorage() as Storage, start = true } = {}) {
  const transport = new FakeTransport();
  const events = new EventTarget();
  const queue = new SaveQueue(KEY, transport, storage, events);
  queues.push(queue);
  if (start) {
    queue.start();
    await settle();
  }
  return { queue, transport, storage, events };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  for (const queue of queues) queue.stop();
  queues = [];
  vi.useRealTimers();
});

describe("storage", () => {
  it("writes a change to storage before sending it and removes it only when the server confirms it", async () => {
    const { queue, transport, storage } = await setup();
    const storedAtRequest: (PendingChanges | null)[] = [];
    transport.onRequest = () => storedAtRequest.push(stored(storage));

    queue.setAnswer("1.1", 5);
    expect(stored(storage)).toEqual({ answers: { "1.1": 5 }, themes: {}, actions: {} });
    expect(transport.calls).toHaveLength(0);

    await settle();
    expect(transport.requests).toEqual([answers({ "1.1": 5 })]);
    expect(storedAtRequest).toEqual([{ answers: { "1.1": 5 }, themes: {}, actions: {} }]);

    // Under way for a long time: still in storage.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(stored(storage)).toEqual({ answers: { "1.1": 5 }, themes: {}, actions: {} });
    expect(queue.hasPending()).toBe(true);

    await transport.confirm();
    expect(storage.getItem(KEY)).toBeNull();
    expect(storage.length).toBe(0);
    expect(queue.hasPending()).toBe(false);
    expect(queue.getSnapshot().state).toBe("saved");
  });

  it("keeps a change in storage when the request fails", async () => {
    const { queue, transport, storage } = await setup();
    queue.setThemeText("2", "plan");
    queue.flush();
    await settle();
    await transport.fail(offline());
    expect(stored(storage)).toEqual({ answers: {}, themes: { "2": "plan" }, actions: {} });
  });

  it("lets a new queue on the same storage pick up what was left and send it after start()", async () => {
    const storage = new MemoryStorage();
    const first = await setup({ storage });
    first.queue.setAnswer("1.1", 7);
    first.queue.setThemeText("3", "meer overleg");
    first.queue.patchAction("a1", { what: "Gesprek plannen" });
    await settle();
    expect(first.transport.requests).toEqual([answers({ "1.1": 7 })]);
    // The tab is closed (or the page reloaded) before the server answers.
    first.queue.stop();

    const second = await setup({ storage, start: false });
    expect(second.queue.pending).toEqual({
      answers: { "1.1": 7 },
      themes: { "3": "meer overleg" },
      actions: { a1: { what: "Gesprek plannen" } },
    });
    expect(second.queue.hasPending()).toBe(true);
    expect(second.queue.getSnapshot().state).toBe("saving");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(second.transport.calls).toHaveLength(0);

    second.queue.start();
    await settle();
    expect(second.transport.requests).toEqual([answers({ "1.1": 7 })]);
    await second.transport.confirmAll();
    expect(second.transport.requests).toEqual([
      answers({ "1.1": 7 }),
      theme("3", "meer overleg"),
      action("a1", { what: "Gesprek plannen" }),
    ]);
    expect(storage.getItem(KEY)).toBeNull();
    expect(second.queue.getSnapshot().state).toBe("saved");
  });

  it("leaves other keys in storage alone", async () => {
    const storage = new MemoryStorage();
    storage.setItem("other", "x");
    const { queue, transport } = await setup({ storage });
    queue.setAnswer("1.1", 3);
    await settle();
    await transport.confirm();
    expect(storage.getItem("other")).toBe("x");
    expect(storage.length).toBe(1);
  });

  it.each([
    ["corrupt JSON", "{not json"],
    ["JSON null", "null"],
    ["an empty string", ""],
  ])("starts empty when storage holds %s", async (_, raw) => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, raw);
    const { queue, transport } = await setup({ storage });
    expect(queue.pending).toEqual({ answers: {}, themes: {}, actions: {} });
    expect(queue.getSnapshot().state).toBe("saved");
    await settle();
    expect(transport.calls).toHaveLength(0);

    queue.setAnswer("1.1", 4);
    expect(stored(storage)).toEqual({ answers: { "1.1": 4 }, themes: {}, actions: {} });
  });

  it("fills in the parts missing from what is stored", async () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, JSON.stringify({ themes: { "1": "tekst" } }));
    const { queue } = await setup({ storage, start: false });
    expect(queue.pending).toEqual({ answers: {}, themes: { "1": "tekst" }, actions: {} });
  });

  it("keeps working in memory when storage is full", async () => {
    const storage = new FullStorage();
    const { queue, transport } = await setup({ storage });
    queue.setAnswer("1.1", 5);
    expect(queue.pending.answers).toEqual({ "1.1": 5 });
    await settle();
    expect(transport.requests).toEqual([answers({ "1.1": 5 })]);
    await transport.confirm();
    expect(queue.hasPending()).toBe(false);
    expect(queue.getSnapshot().state).toBe("saved");
  });

  it("keeps working in memory when storage is blocked altogether", async () => {
    const { queue, transport } = await setup({ storage: new BlockedStorage() });
    expect(queue.pending).toEqual({ answers: {}, themes: {}, actions: {} });
    queue.setThemeText("1", "tekst");
    queue.flush();
    await settle();
    expect(transport.requests).toEqual([theme("1", "tekst")]);
    await transport.fail(offline());
    expect(queue.pending.themes).toEqual({ "1": "tekst" });
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[0]);
    await transport.confirm();
    expect(queue.getSnapshot().state).toBe("saved");
  });

  it("works without storage", async () => {
    const transport = new FakeTransport();
    const queue = new SaveQueue(KEY, transport, null, new EventTarget());
    queues.push(queue);
    queue.start();
    queue.setAnswer("1.1", 2);
    await settle();
    await transport.confirm();
    expect(transport.requests).toEqual([answers({ "1.1": 2 })]);
    expect(queue.getSnapshot().state).toBe("saved");
  });
});

describe("order", () => {
  it("sends one request at a time: answers first, then theme texts, then actions", async () => {
    const { queue, transport } = await setup();
    queue.patchAction("a1", { status: "bezig" });
    queue.setThemeText("2", "tekst");
    queue.setAnswer("1.1", 8);
    queue.setAnswer("1.2", "nvt");
    await settle();
    expect(transport.requests).toEqual([answers({ "1.1": 8, "1.2": "nvt" })]);

    // Nothing else goes out while the first request is under way, however long it takes.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(transport.calls).toHaveLength(1);

    await transport.confirm();
    expect(transport.requests.slice(1)).toEqual([theme("2", "tekst")]);
    await transport.confirm();
    expect(transport.requests.slice(2)).toEqual([action("a1", { status: "bezig" })]);
    await transport.confirm();
    expect(transport.calls).toHaveLength(3);
    expect(transport.calls.every((call) => !call.keepalive)).toBe(true);
    expect(queue.getSnapshot().state).toBe("saved");
  });

  it("sends the changes of several themes and actions each in their own request", async () => {
    const { queue, transport } = await setup();
    queue.setThemeText("1", "een");
    queue.setThemeText("2", "twee");
    queue.patchAction("a1", { what: "x" });
    queue.patchAction("a2", { what: "y" });
    queue.flush();
    await settle();
    await transport.confirmAll();
    expect(transport.requests).toEqual([theme("1", "een"), theme("2", "twee"), action("a1", { what: "x" }), action("a2", { what: "y" })]);
  });

  it("keeps an answer changed while its request is under way, and sends the new value next", async () => {
    const { queue, transport, storage } = await setup();
    queue.setAnswer("1.1", 5);
    await settle();
    queue.setAnswer("1.1", 6);
    queue.setAnswer("1.2", 3);
    await settle();
    expect(transport.calls).toHaveLength(1);

    await transport.confirm();
    expect(queue.pending.answers).toEqual({ "1.1": 6, "1.2": 3 });
    expect(stored(storage)?.answers).toEqual({ "1.1": 6, "1.2": 3 });
    expect(transport.requests.slice(1)).toEqual([answers({ "1.1": 6, "1.2": 3 })]);

    await transport.confirm();
    expect(queue.hasPending()).toBe(false);
    expect(storage.getItem(KEY)).toBeNull();
  });

  it("removes the answers the server confirmed and keeps the ones added meanwhile", async () => {
    const { queue, transport } = await setup();
    queue.setAnswer("1.1", 5);
    await settle();
    queue.setAnswer("1.2", null);
    await transport.confirm();
    expect(transport.requests).toEqual([answers({ "1.1": 5 }), answers({ "1.2": null })]);
    await transport.confirm();
    expect(queue.hasPending()).toBe(false);
  });

  it("keeps theme text typed while the request is under way", async () => {
    const { queue, transport, storage } = await setup();
    queue.setThemeText("1", "Meer");
    queue.flush();
    await settle();
    queue.setThemeText("1", "Meer overleg");
    await transport.confirm();
    expect(queue.pending.themes).toEqual({ "1": "Meer overleg" });
    expect(stored(storage)?.themes).toEqual({ "1": "Meer overleg" });
    await transport.confirmAll();
    expect(transport.requests).toEqual([theme("1", "Meer"), theme("1", "Meer overleg")]);
    expect(queue.hasPending()).toBe(false);
  });

  it("keeps an action patched while its request is under way and sends the merged change", async () => {
    const { queue, transport } = await setup();
    queue.patchAction("a1", { what: "Gesprek" });
    queue.flush();
    await settle();
    queue.patchAction("a1", { who: "Sanne" });
    await transport.confirm();
    expect(queue.pending.actions).toEqual({ a1: { what: "Gesprek", who: "Sanne" } });
    await transport.confirmAll();
    expect(transport.requests).toEqual([action("a1", { what: "Gesprek" }), action("a1", { what: "Gesprek", who: "Sanne" })]);
    expect(queue.hasPending()).toBe(false);
  });

  it("does not send a change again that went back to the value the server just confirmed", async () => {
    const { queue, transport } = await setup();
    queue.setAnswer("1.1", 5);
    await settle();
    queue.setAnswer("1.1", 6);
    queue.setAnswer("1.1", 5);
    await transport.confirm();
    expect(transport.calls).toHaveLength(1);
    expect(queue.hasPending()).toBe(false);
  });
});

describe("transient failures", () => {
  it.each([
    ["no connection (status 0)", new ApiError(0, "network")],
    ["a timeout (408)", new ApiError(408, "timeout")],
    ["rate limiting (429)", new ApiError(429, "te veel")],
    ["a server fault (500)", new ApiError(500, "fout")],
    ["an unavailable server (503)", new ApiError(503, "onderhoud")],
    ["an error that is not an ApiError", new TypeError("Failed to fetch")],
  ])("retries after %s with state error and the change kept", async (_, error) => {
    const { queue, transport, storage } = await setup();
    queue.setAnswer("1.1", 5);
    await settle();
    await transport.fail(error);

    expect(queue.getSnapshot().state).toBe("error");
    expect(queue.getSnapshot().problems).toEqual({});
    expect(queue.getSnapshot().blocked).toBeNull();
    expect(stored(storage)?.answers).toEqual({ "1.1": 5 });

    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[0] - 1);
    expect(transport.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(transport.requests).toEqual([answers({ "1.1": 5 }), answers({ "1.1": 5 })]);

    await transport.confirm();
    expect(queue.getSnapshot().state).toBe("saved");
    expect(storage.getItem(KEY)).toBeNull();
  });

  it("waits RETRY_DELAYS between retries, and repeats the last delay", async () => {
    expect(RETRY_DELAYS).toEqual([1000, 2000, 5000, 10000, 20000, 30000]);
    const { queue, transport } = await setup();
    queue.setAnswer("1.1", 5);
    await settle();
    await transport.fail(offline());

    const last = RETRY_DELAYS[RETRY_DELAYS.length - 1];
    for (const delay of [...RETRY_DELAYS, last, last]) {
      const before = transport.calls.length;
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(transport.calls, `no retry before ${delay} ms`).toHaveLength(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(transport.calls, `a retry after ${delay} ms`).toHaveLength(before + 1);
      expect(queue.getSnapshot().state).toBe("error");
      await transport.fail(offline());
    }
    expect(transport.calls).toHaveLength(RETRY_DELAYS.length + 3);
  });

  it("starts the back-off again after a success", async () => {
    const { queue, transport } = await setup();
    queue.setAnswer("1.1", 5);
    await settle();
    await transport.fail(offline());
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[0]);
    await transport.fail(offline());
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[1]);
    await transport.confirm();
    expect(queue.getSnapshot().state).toBe("saved");

    queue.setAnswer("1.2", 6);
    await settle();
    await transport.fail(offline());
    const before = transport.calls.length;
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[0]);
    expect(transport.calls).toHaveLength(before + 1);
  });

  it("retries straight away when a new change is made after a failure", async () => {
    const { queue, transport } = await setup();
    queue.setAnswer("1.1", 5);
    await settle();
    await transport.fail(offline());
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[0]);
    await transport.fail(offline());
    // Now waiting 2000 ms; a keystroke (normally 600 ms typing delay) tries again at once.
    queue.setThemeText("1", "tekst");
    await settle();
    expect(transport.requests.slice(2)).toEqual([answers({ "1.1": 5 })]);
    await transport.confirmAll();
    expect(transport.requests.slice(3)).toEqual([theme("1", "tekst")]);
    expect(queue.getSnapshot().state).toBe("saved");
  });

  it("retries at once and starts the back-off again when the connection comes back", async () => {
    const { queue, transport, events } = await setup();
    queue.setAnswer("1.1", 5);
    await settle();
    await transport.fail(offline());
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[0]);
    await transport.fail(offline());
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[1]);
    await transport.fail(offline());
    expect(transport.calls).toHaveLength(3);

    // Waiting 5000 ms now; coming online does not wait.
    events.dispatchEvent(new Event("online"));
    await settle();
    expect(transport.calls).toHaveLength(4);

    await transport.fail(offline());
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[0] - 1);
    expect(transport.calls).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(1);
    expect(transport.calls).toHaveLength(5);
    await transport.confirm();
    expect(queue.getSnapshot().state).toBe("saved");
  });

  it("keeps a change made during a failing request", async () => {
    const { queue, transport, storage } = await setup();
    queue.setAnswer("1.1", 5);
    await settle();
    queue.setAnswer("1.2", 6);
    await transport.fail(offline());
    expect(stored(storage)?.answers).toEqual({ "1.1": 5, "1.2": 6 });
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[0]);
    expect(transport.requests[1]).toEqual(answers({ "1.1": 5, "1.2": 6 }));
  });

  it("does not retry after stop(), and retries at once on start()", async () => {
    const { queue, transport } = await setup();
    queue.setAnswer("1.1", 5);
    await settle();
    await transport.fail(offline());
    queue.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.calls).toHaveLength(1);
    queue.start();
    await settle();
    expect(transport.calls).toHaveLength(2);
  });
});

describe("refusals", () => {
  it("drops only the answer named in `field`, reports it, and sends the rest again", async () => {
    const { queue, transport, storage } = await setup();
    queue.setAnswer("1.1", 11);
    queue.setAnswer("1.2", 4);
    queue.setAnswer("2.3", "nvt");
    await settle();
    await transport.fail(refused("mag hoogstens 10 zijn", "answers.1.1"));

    expect(queue.getSnapshot().problems).toEqual({ "answer:1.1": { error: "mag hoogstens 10 zijn", field: "answers.1.1" } });
    expect(queue.pending.answers).toEqual({ "1.2": 4, "2.3": "nvt" });
    expect(stored(storage)?.answers).toEqual({ "1.2": 4, "2.3": "nvt" });
    expect(transport.requests.slice(1)).toEqual([answers({ "1.2": 4, "2.3": "nvt" })]);

    await transport.confirm();
    expect(queue.getSnapshot().state).toBe("saved");
    expect(queue.getSnapshot().problems).toHaveProperty(["answer:1.1"]);
    expect(storage.getItem(KEY)).toBeNull();
  });

  it("clears an answer's problem when that answer is changed again", async () => {
    const { queue, transport } = await setup();
    queue.setAnswer("1.1", 11);
    await settle();
    await transport.fail(refused("mag hoogstens 10 zijn", "answers.1.1"));
    expect(queue.getSnapshot().problems).toHaveProperty(["answer:1.1"]);

    queue.setAnswer("1.1", 9);
    expect(queue.getSnapshot().problems).toEqual({});
    await settle();
    expect(transport.requests.slice(1)).toEqual([answers({ "1.1": 9 })]);
  });

  it("drops every answer of the request when `field` names none of them", async () => {
    const { queue, transport } = await setup();
    queue.setAnswer("1.1", 4);
    queue.setAnswer("1.2", 5);
    await settle();
    await transport.fail(refused("ongeldige antwoorden"));

    expect(queue.hasPending()).toBe(false);
    expect(queue.getSnapshot().problems).toEqual({
      "answer:1.1": { error: "ongeldige antwoorden", field: null },
      "answer:1.2": { error: "ongeldige antwoorden", field: null },
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.calls).toHaveLength(1);
    expect(queue.getSnapshot().state).toBe("saved");
  });

  it("drops a refused theme text, reports it, and goes on with the rest", async () => {
    const { queue, transport, storage } = await setup();
    queue.setThemeText("1", "x".repeat(6000));
    queue.patchAction("a1", { what: "Gesprek" });
    queue.flush();
    await settle();
    await transport.fail(refused("mag hoogstens 5000 tekens bevatten", "text"));

    expect(queue.getSnapshot().problems).toEqual({ "theme:1": { error: "mag hoogstens 5000 tekens bevatten", field: "text" } });
    expect(queue.pending.themes).toEqual({});
    expect(stored(storage)?.themes).toEqual({});
    expect(transport.requests.slice(1)).toEqual([action("a1", { what: "Gesprek" })]);
    await transport.confirm();
    expect(queue.getSnapshot().state).toBe("saved");

    queue.setThemeText("1", "korter");
    expect(queue.getSnapshot().problems).toEqual({});
  });

  it("drops a refused action change and reports it", async () => {
    const { queue, transport } = await setup();
    queue.patchAction("a1", { what: " " });
    queue.patchAction("a2", { who: "Sanne" });
    queue.flush();
    await settle();
    await transport.fail(refused("is verplicht", "what"));

    expect(queue.getSnapshot().problems).toEqual({ "action:a1": { error: "is verplicht", field: "what" } });
    expect(queue.pending.actions).toEqual({ a2: { who: "Sanne" } });
    expect(transport.requests.slice(1)).toEqual([action("a2", { who: "Sanne" })]);
  });

  it("drops the change of a deleted action (404) without a message", async () => {
    const { queue, transport } = await setup();
    queue.patchAction("a1", { status: "klaar" });
    queue.patchAction("a2", { status: "open" });
    queue.flush();
    await settle();
    queue.patchAction("a1", { who: "Sanne" });
    await transport.fail(refused("niet gevonden", null, 404));

    expect(queue.getSnapshot().problems).toEqual({});
    expect(queue.pending.actions).toEqual({ a2: { status: "open" } });
    await transport.confirm();
    expect(transport.requests).toEqual([action("a1", { status: "klaar" }), action("a2", { status: "open" })]);
    expect(queue.getSnapshot().state).toBe("saved");
  });

  it("keeps an action change made while its refused request was under way and sends it", async () => {
    const { queue, transport } = await setup();
    queue.patchAction("a1", { what: " " });
    queue.flush();
    await settle();
    queue.patchAction("a1", { what: "Gesprek" });
    await transport.fail(refused("is verplicht", "what"));

    expect(queue.pending.actions).toEqual({ a1: { what: "Gesprek" } });
    expect(transport.requests.slice(1)).toEqual([action("a1", { what: "Gesprek" })]);

    await transport.confirm();
    expect(queue.hasPending()).toBe(false);
    expect(queue.getSnapshot().problems).toEqual({});
  });

  it("does not report an error state when a retry after a network failure is refused", async () => {
    const { queue, transport } = await setup();
    queue.setAnswer("1.1", 11);
    await settle();
    await transport.fail(offline());
    expect(queue.getSnapshot().state).toBe("error");
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[0]);
    await transport.fail(refused("mag hoogstens 10 zijn", "answers.1.1"));

    // The server answered and nothing is left to send: not "Not saved — we will try again".
    expect(queue.hasPending()).toBe(false);
    expect(queue.getSnapshot().state).toBe("saved");
    expect(queue.getSnapshot().problems).toHaveProperty(["answer:1.1"]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.calls).toHaveLength(2);
  });

  it("clears an answer's problem once its newer value, typed while the refused request was under way, is saved", async () => {
    const { queue, transport } = await setup();
    queue.setAnswer("1.1", 11);
    queue.setAnswer("1.2", 3);
    await settle();
    queue.setAnswer("1.1", 9);
    await transport.fail(refused("mag hoogstens 10 zijn", "answers.1.1"));
    expect(queue.pending.answers).toEqual({ "1.1": 9, "1.2": 3 });
    expect(transport.requests.slice(1)).toEqual([answers({ "1.1": 9, "1.2": 3 })]);

    await transport.confirm();
    expect(queue.hasPending()).toBe(false);
    expect(queue.getSnapshot().problems).toEqual({});
  });

  it("clears a theme's problem once its newer text, typed while the refused request was under way, is saved", async () => {
    const { queue, transport } = await setup();
    queue.setThemeText("1", "x".repeat(6000));
    queue.flush();
    await settle();
    queue.setThemeText("1", "korter");
    await transport.fail(refused("mag hoogstens 5000 tekens bevatten", "text"));
    expect(transport.requests.slice(1)).toEqual([theme("1", "korter")]);

    await transport.confirm();
    expect(queue.hasPending()).toBe(false);
    expect(queue.getSnapshot().problems).toEqual({});
  });
});

describe("blocked (409)", () => {
  it("stops sending, keeps every change and reports the message", async () => {
    const { queue, transport, storage, events } = await setup();
    queue.setAnswer("1.1", 5);
    queue.setThemeText("1", "tekst");
    await settle();
    await transport.fail(refused("De meetronde is gesloten.", null, 409));

    const snapshot = queue.getSnapshot();
    expect(snapshot.state).toBe("error");
    expect(snapshot.blocked).toEqual({ error: "De meetronde is gesloten.", field: null });
    expect(snapshot.problems).toEqual({});
    expect(stored(storage)).toEqual({ answers: { "1.1": 5 }, themes: { "1": "tekst" }, actions: {} });

    queue.setAnswer("1.2", 6);
    queue.patchAction("a1", { what: "x" });
    queue.flush();
    events.dispatchEvent(new Event("online"));
    events.dispatchEvent(new Event("pagehide"));
    await vi.advanceTimersByTimeAsync(10 * 60_000);

    expect(transport.calls).toHaveLength(1);
    expect(queue.getSnapshot().state).toBe("error");
    expect(stored(storage)).toEqual({
      answers: { "1.1": 5, "1.2": 6 },
      themes: { "1": "tekst" },
      actions: { a1: { what: "x" } },
    });
    const saved = queue.whenSaved(1000);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(saved).resolves.toBe(false);
    expect(transport.calls).toHaveLength(1);
  });

  it("cancels a pending typing delay", async () => {
    const { queue, transport } = await setup();
    queue.setAnswer("1.1", 5);
    await settle();
    queue.setThemeText("1", "tekst");
    await transport.fail(refused("gesloten", null, 409));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.calls).toHaveLength(1);
  });

  it("sends the kept changes again when the page is loaded anew", async () => {
    const first = await setup();
    first.queue.setAnswer("1.1", 5);
    await settle();
    await first.transport.fail(refused("gesloten", null, 409));
    first.queue.stop();

    const second = await setup({ storage: first.storage });
    expect(second.queue.getSnapshot().blocked).toBeNull();
    await settle();
    expect(second.transport.requests).toEqual([answers({ "1.1": 5 })]);
  });
});

describe("typing delay", () => {
  it("sends theme text 600 ms after the change", async () => {
    const { queue, transport, storage } = await setup();
    queue.setThemeText("1", "tekst");
    expect(stored(storage)?.themes).toEqual({ "1": "tekst" });
    expect(queue.getSnapshot().state).toBe("saving");
    await vi.advanceTimersByTimeAsync(599);
    expect(transport.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(transport.requests).toEqual([theme("1", "tekst")]);
  });

  it("sends an action change 600 ms after the change", async () => {
    const { queue, transport } = await setup();
    queue.patchAction("a1", { what: "x" });
    await vi.advanceTimersByTimeAsync(599);
    expect(transport.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(transport.requests).toEqual([action("a1", { what: "x" })]);
  });

  it("takes another delay when given", async () => {
    const { queue, transport } = await setup();
    queue.setThemeText("1", "tekst", 2000);
    queue.patchAction("a1", { what: "x" }, 2000);
    await vi.advanceTimersByTimeAsync(1999);
    expect(transport.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(transport.calls).toHaveLength(1);
  });

  it("does not put the send off for later keystrokes: it goes 600 ms after the first, with the latest text", async () => {
    const { queue, transport } = await setup();
    queue.setThemeText("1", "t");
    await vi.advanceTimersByTimeAsync(300);
    queue.setThemeText("1", "te");
    await vi.advanceTimersByTimeAsync(299);
    queue.setThemeText("1", "tekst");
    expect(transport.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(transport.requests).toEqual([theme("1", "tekst")]);
  });

  it("sends at once on flush()", async () => {
    const { queue, transport } = await setup();
    queue.setThemeText("1", "tekst");
    queue.patchAction("a1", { what: "x" });
    queue.flush();
    await settle();
    expect(transport.requests).toEqual([theme("1", "tekst")]);
    await transport.confirm();
    expect(transport.requests).toEqual([theme("1", "tekst"), action("a1", { what: "x" })]);
  });

  it("sends an answer at once, and the waiting theme text with it", async () => {
    const { queue, transport } = await setup();
    queue.setThemeText("1", "tekst");
    queue.setAnswer("1.1", 5);
    await settle();
    expect(transport.requests).toEqual([answers({ "1.1": 5 })]);
    await transport.confirm();
    expect(transport.requests).toEqual([answers({ "1.1": 5 }), theme("1", "tekst")]);
  });

  it("merges the patches of one action", async () => {
    const { queue, transport, storage } = await setup();
    queue.patchAction("a1", { what: "Gesprek" });
    queue.patchAction("a1", { who: "Sanne" });
    queue.patchAction("a1", { what: "Gesprek plannen", when: "2025-06-01" });
    expect(queue.pending.actions).toEqual({ a1: { what: "Gesprek plannen", who: "Sanne", when: "2025-06-01" } });
    expect(stored(storage)?.actions).toEqual(queue.pending.actions);
    await vi.advanceTimersByTimeAsync(600);
    await transport.confirmAll();
    expect(transport.requests).toEqual([action("a1", { what: "Gesprek plannen", who: "Sanne", when: "2025-06-01" })]);
  });

  it("forgets the changes of a deleted action, and only of that one", async () => {
    const { queue, transport, storage } = await setup();
    queue.patchAction("a1", { what: "x" });
    queue.patchAction("a2", { what: "y" });
    queue.forgetAction("a1");
    expect(queue.pending.actions).toEqual({ a2: { what: "y" } });
    expect(stored(storage)?.actions).toEqual({ a2: { what: "y" } });
    await vi.advanceTimersByTimeAsync(600);
    await transport.confirmAll();
    expect(transport.requests).toEqual([action("a2", { what: "y" })]);
    expect(storage.getItem(KEY)).toBeNull();
  });

  it("forgetAction removes the action's problem and empties storage when nothing else is left", async () => {
    const { queue, transport, storage } = await setup();
    queue.patchAction("a1", { what: " " });
    queue.flush();
    await settle();
    await transport.fail(refused("is verplicht", "what"));
    expect(queue.getSnapshot().problems).toHaveProperty(["action:a1"]);

    queue.patchAction("a1", { what: "  " });
    queue.forgetAction("a1");
    expect(queue.getSnapshot().problems).toEqual({});
    expect(queue.hasPending()).toBe(false);
    expect(storage.getItem(KEY)).toBeNull();
    expect(queue.getSnapshot().state).toBe("saved");
  });
});

describe("whenSaved", () => {
  it("resolves true at once when nothing is pending", async () => {
    const { queue } = await setup();
    await expect(queue.whenSaved()).resolves.toBe(true);
  });

  it("sends at once and resolves true when the server has confirmed everything", async () => {
    const { queue, transport } = await setup();
    queue.setAnswer("1.1", 5);
    queue.setThemeText("1", "tekst");
    let result: boolean | undefined;
    void queue.whenSaved(5000).then((saved) => {
      result = saved;
    });
    await settle();
    await transport.confirm();
    expect(transport.requests).toEqual([answers({ "1.1": 5 }), theme("1", "tekst")]);
    expect(result).toBeUndefined();
    await transport.confirm();
    expect(result).toBe(true);
  });

  it("resolves false after its timeout when the changes are not confirmed", async () => {
    const { queue, transport } = await setup();
    queue.setAnswer("1.1", 5);
    let result: boolean | undefined;
    void queue.whenSaved(3000).then((saved) => {
      result = saved;
    });
    await settle();
    expect(transport.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2999);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toBe(false);
    expect(queue.hasPending()).toBe(true);
  });

  it("resolves false after its timeout while retrying", async () => {
    const { queue, transport } = await setup();
    queue.setAnswer("1.1", 5);
    await settle();
    await transport.fail(offline());
    const saved = queue.whenSaved(500);
    await vi.advanceTimersByTimeAsync(500);
    await expect(saved).resolves.toBe(false);
  });
});

describe("pagehide", () => {
  it("hands every pending change to the transport with keepalive", async () => {
    const { queue, transport, events } = await setup();
    queue.setAnswer("1.1", 5);
    queue.setAnswer("1.2", "nvt");
    queue.setThemeText("1", "een");
    queue.setThemeText("2", "twee");
    queue.patchAction("a1", { what: "x" });
    expect(transport.calls).toHaveLength(0);

    events.dispatchEvent(new Event("pagehide"));
    expect(transport.requests).toEqual([
      answers({ "1.1": 5, "1.2": "nvt" }),
      theme("1", "een"),
      theme("2", "twee"),
      action("a1", { what: "x" }),
    ]);
    expect(transport.calls.every((call) => call.keepalive)).toBe(true);
    // The browser delivers them; the changes stay until the ordinary queue has them confirmed.
    expect(queue.hasPending()).toBe(true);
  });

  it("ignores keepalive requests that fail", async () => {
    const { queue, transport, events, storage } = await setup();
    queue.setThemeText("1", "een");
    events.dispatchEvent(new Event("pagehide"));
    await transport.fail(offline());
    expect(queue.getSnapshot().state).toBe("saving");
    expect(stored(storage)?.themes).toEqual({ "1": "een" });
  });

  it("sends nothing when nothing is pending", async () => {
    const { transport, events } = await setup();
    events.dispatchEvent(new Event("pagehide"));
    expect(transport.calls).toHaveLength(0);
  });

  it("no longer listens after stop()", async () => {
    const { queue, transport, events } = await setup();
    queue.setThemeText("1", "een");
    queue.stop();
    events.dispatchEvent(new Event("pagehide"));
    events.dispatchEvent(new Event("online"));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.calls).toHaveLength(0);
  });
});

describe("subscribe and getSnapshot", () => {
  it("notifies listeners as the state goes from saved to saving and back", async () => {
    const { queue, transport } = await setup();
    const states: string[] = [];
    queue.subscribe(() => {
      const { state } = queue.getSnapshot();
      if (states[states.length - 1] !== state) states.push(state);
    });
    expect(queue.getSnapshot().state).toBe("saved");

    queue.setAnswer("1.1", 5);
    await settle();
    await transport.fail(offline());
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS[0]);
    await transport.confirm();
    // Saving again while the retry runs, saved once it is confirmed.
    expect(states).toEqual(["saving", "error", "saving", "saved"]);
  });

  it("keeps the same snapshot while nothing changes, and gives a new one when something does", async () => {
    const { queue, transport } = await setup();
    const before = queue.getSnapshot();
    expect(queue.getSnapshot()).toBe(before);
    queue.setAnswer("1.1", 11);
    const saving = queue.getSnapshot();
    expect(saving).not.toBe(before);
    expect(saving.state).toBe("saving");
    expect(before.state).toBe("saved");
    await settle();
    await transport.fail(refused("te hoog", "answers.1.1"));
    expect(queue.getSnapshot()).not.toBe(saving);
    expect(queue.getSnapshot().problems).toHaveProperty(["answer:1.1"]);
  });

  it("stops notifying after unsubscribing", async () => {
    const { queue } = await setup();
    const listener = vi.fn();
    const unsubscribe = queue.subscribe(listener);
    queue.setAnswer("1.1", 5);
    expect(listener).toHaveBeenCalled();
    listener.mockClear();
    unsubscribe();
    queue.setAnswer("1.2", 5);
    expect(listener).not.toHaveBeenCalled();
  });
});

describe("without an event target", () => {
  it("still sends after start(), outside a browser by default", async () => {
    expect(typeof window).toBe("undefined");
    const transport = new FakeTransport();
    const queue = new SaveQueue(KEY, transport, new MemoryStorage());
    queues.push(queue);
    queue.setAnswer("1.1", 5);
    await settle();
    expect(transport.calls).toHaveLength(0);
    queue.start();
    await settle();
    await transport.confirm();
    expect(transport.requests).toEqual([answers({ "1.1": 5 })]);
    expect(queue.getSnapshot().state).toBe("saved");
  });
});
