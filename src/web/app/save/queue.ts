import type { AnswerValue } from "../../../domain/checks/answers.ts";
import type { ActionPatch } from "../../../domain/checks/plan.ts";
import { ApiError } from "../../api/client.ts";

/** Changes the server has not confirmed yet; kept in localStorage so nothing is lost on refresh or a closed tab. */
export type PendingChanges<P extends object = ActionPatch> = {
  answers: Record<string, AnswerValue | null>;
  themes: Record<string, string>;
  actions: Record<string, P>;
};

export type SaveState = "saved" | "saving" | "error";

/** A change the server refused (400/404…): it is dropped from the queue and shown next to its field. */
export type SaveProblem = { error: string; field: string | null };

export type SaveSnapshot = {
  state: SaveState;
  /** Keyed by `answer:<factorId>`, `theme:<themeId>` or `action:<actionId>`. */
  problems: Readonly<Record<string, SaveProblem>>;
  /**
   * The server refuses every change for now (409: a measurement round was closed). The changes stay in storage, the
   * state is "error", and nothing is sent again until the page is loaded anew.
   */
  blocked: SaveProblem | null;
};

export interface SaveTransport<P extends object = ActionPatch> {
  answers(patch: Record<string, AnswerValue | null>, keepalive?: boolean): Promise<unknown>;
  themeText(themeId: string, text: string, keepalive?: boolean): Promise<unknown>;
  action(actionId: string, patch: P, keepalive?: boolean): Promise<unknown>;
}

type Unit<P extends object> =
  | { kind: "answers"; patch: Record<string, AnswerValue | null> }
  | { kind: "theme"; themeId: string; text: string }
  | { kind: "action"; actionId: string; patch: P };

/** Waits between retries after a transient failure, in ms; the last value repeats. */
export const RETRY_DELAYS = [1000, 2000, 5000, 10000, 20000, 30000];

const emptyChanges = <P extends object>(): PendingChanges<P> => ({ answers: {}, themes: {}, actions: {} });

function readStorage<P extends object>(storage: Storage | null, key: string): PendingChanges<P> {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return emptyChanges();
    const parsed = JSON.parse(raw) as Partial<PendingChanges<P>>;
    return { answers: parsed.answers ?? {}, themes: parsed.themes ?? {}, actions: parsed.actions ?? {} };
  } catch {
    return emptyChanges();
  }
}

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Sends changes to the server one request at a time, in order. Every change is first written to storage; it is
 * removed only when the server confirms it. Transient failures are retried with backoff and when the browser comes
 * back online; refusals (4xx) are dropped and reported per key. A 409 (the round is closed) stops sending but keeps
 * every change. `P` is the shape of an action change (a check's, or a team plan's with its owner).
 */
export class SaveQueue<P extends object = ActionPatch> {
  readonly pending: PendingChanges<P>;
  private snapshot: SaveSnapshot = { state: "saved", problems: {}, blocked: null };
  private listeners = new Set<() => void>();
  private running = false;
  private failing = false;
  private attempt = 0;
  private sendTimer: ReturnType<typeof setTimeout> | undefined;
  private sendAt = Number.POSITIVE_INFINITY;
  private idleWaiters: (() => void)[] = [];
  private started = false;

  constructor(
    private readonly storageKey: string,
    private readonly transport: SaveTransport<P>,
    private readonly storage: Storage | null = defaultStorage(),
    /** Where `online` and `pagehide` arrive; without one (no browser) the queue sends but does not listen. */
    private readonly events: EventTarget | null = typeof window === "undefined" ? null : window,
  ) {
    this.pending = readStorage(storage, storageKey);
    this.update();
  }

  /** Starts sending (also what was left from an earlier visit) and listens for the connection coming back. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.events?.addEventListener("online", this.onOnline);
    this.events?.addEventListener("pagehide", this.onPageHide);
    this.schedule(0);
  }

  stop(): void {
    if (!this.started) return;
    this.started = false;
    this.events?.removeEventListener("online", this.onOnline);
    this.events?.removeEventListener("pagehide", this.onPageHide);
    clearTimeout(this.sendTimer);
    this.sendAt = Number.POSITIVE_INFINITY;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SaveSnapshot => this.snapshot;

  hasPending(): boolean {
    const p = this.pending;
    return Object.keys(p.answers).length + Object.keys(p.themes).length + Object.keys(p.actions).length > 0;
  }

  setAnswer(factorId: string, value: AnswerValue | null): void {
    this.pending.answers[factorId] = value;
    this.changed(`answer:${factorId}`, 0);
  }

  setThemeText(themeId: string, text: string, delay = 600): void {
    this.pending.themes[themeId] = text;
    this.changed(`theme:${themeId}`, delay);
  }

  patchAction(actionId: string, patch: P, delay = 600): void {
    this.pending.actions[actionId] = { ...this.pending.actions[actionId], ...patch } as P;
    this.changed(`action:${actionId}`, delay);
  }

  /** The action is gone (deleted): its unsent changes are moot. */
  forgetAction(actionId: string): void {
    delete this.pending.actions[actionId];
    this.clearProblem(`action:${actionId}`);
    this.persist();
    this.update();
  }

  /** Sends everything now instead of after the typing pause. */
  flush(): void {
    this.schedule(0);
  }

  /** Resolves when nothing is pending or unsent, or after `timeoutMs`; true when everything was saved. */
  whenSaved(timeoutMs = 5000): Promise<boolean> {
    if (!this.hasPending()) return Promise.resolve(true);
    this.flush();
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(!this.hasPending()), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private changed(key: string, delay: number): void {
    this.clearProblem(key);
    this.persist();
    this.update();
    // After a failure, a new change is a good moment to try again straight away.
    this.schedule(this.failing ? 0 : delay);
  }

  private clearProblem(key: string): void {
    if (!(key in this.snapshot.problems)) return;
    const { [key]: _removed, ...rest } = this.snapshot.problems;
    this.snapshot = { ...this.snapshot, problems: rest };
  }

  private schedule(delay: number): void {
    if (!this.started || this.snapshot.blocked) return;
    const at = Date.now() + delay;
    if (at >= this.sendAt) return;
    clearTimeout(this.sendTimer);
    this.sendAt = at;
    this.sendTimer = setTimeout(() => {
      this.sendAt = Number.POSITIVE_INFINITY;
      void this.run();
    }, delay);
  }

  private onOnline = () => {
    this.attempt = 0;
    this.schedule(0);
  };

  /** The tab is closing or going to the background: hand what is left to the browser to deliver. */
  private onPageHide = () => {
    if (this.snapshot.blocked) return;
    for (const unit of this.units()) void this.send(unit, true).catch(() => undefined);
  };

  private units(): Unit<P>[] {
    const { answers, themes, actions } = this.pending;
    const units: Unit<P>[] = [];
    if (Object.keys(answers).length > 0) units.push({ kind: "answers", patch: { ...answers } });
    for (const [themeId, text] of Object.entries(themes)) units.push({ kind: "theme", themeId, text });
    for (const [actionId, patch] of Object.entries(actions)) units.push({ kind: "action", actionId, patch: { ...patch } });
    return units;
  }

  private send(unit: Unit<P>, keepalive = false): Promise<unknown> {
    if (unit.kind === "answers") return this.transport.answers(unit.patch, keepalive);
    if (unit.kind === "theme") return this.transport.themeText(unit.themeId, unit.text, keepalive);
    return this.transport.action(unit.actionId, unit.patch, keepalive);
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.update();
    try {
      for (let unit = this.units()[0]; unit; unit = this.units()[0]) {
        try {
          await this.send(unit);
          this.confirm(unit);
          this.failing = false;
          this.attempt = 0;
        } catch (error) {
          if (error instanceof ApiError && error.status === 409) {
            this.block(error);
            return;
          }
          if (error instanceof ApiError && !error.transient) {
            // The server answered: the connection works again.
            this.failing = false;
            this.attempt = 0;
            this.refuse(unit, error);
            continue;
          }
          this.failing = true;
          const delay = RETRY_DELAYS[Math.min(this.attempt, RETRY_DELAYS.length - 1)];
          this.attempt += 1;
          this.running = false;
          this.update();
          this.schedule(delay);
          return;
        }
        this.persist();
        this.update();
      }
    } finally {
      this.running = false;
    }
    this.update();
  }

  /**
   * Removes what the server now has, unless it was changed again while the request was under way. A problem left from
   * an older, refused value of the same field is moot once the server has taken the newer one.
   */
  private confirm(unit: Unit<P>): void {
    const p = this.pending;
    if (unit.kind === "answers") {
      for (const [id, value] of Object.entries(unit.patch)) {
        if (p.answers[id] === value) {
          delete p.answers[id];
          this.clearProblem(`answer:${id}`);
        }
      }
    } else if (unit.kind === "theme") {
      if (p.themes[unit.themeId] === unit.text) {
        delete p.themes[unit.themeId];
        this.clearProblem(`theme:${unit.themeId}`);
      }
    } else if (sameJson(p.actions[unit.actionId], unit.patch)) {
      delete p.actions[unit.actionId];
      this.clearProblem(`action:${unit.actionId}`);
    }
  }

  /** Keeps every change (in storage too) and stops sending: the server will not take changes for now. */
  private block(error: ApiError): void {
    this.snapshot = { ...this.snapshot, blocked: { error: error.message, field: error.field } };
    clearTimeout(this.sendTimer);
    this.sendAt = Number.POSITIVE_INFINITY;
    this.running = false;
    this.persist();
    this.update();
  }

  private refuse(unit: Unit<P>, error: ApiError): void {
    const p = this.pending;
    const problems = { ...this.snapshot.problems };
    if (unit.kind === "answers") {
      // The API names the first bad factor ("answers.1.1"); drop only that one and send the rest again.
      const bad = error.field?.startsWith("answers.") ? error.field.slice("answers.".length) : null;
      const ids = bad && bad in p.answers ? [bad] : Object.keys(unit.patch);
      for (const id of ids) {
        if (p.answers[id] === unit.patch[id]) delete p.answers[id];
        problems[`answer:${id}`] = { error: error.message, field: error.field };
      }
    } else if (unit.kind === "theme") {
      if (p.themes[unit.themeId] === unit.text) delete p.themes[unit.themeId];
      problems[`theme:${unit.themeId}`] = { error: error.message, field: error.field };
    } else {
      // Changed again while under way: keep the newer change, it may fix the problem.
      if (error.status === 404 || sameJson(p.actions[unit.actionId], unit.patch)) delete p.actions[unit.actionId];
      // A deleted action (404) needs no message.
      if (error.status !== 404) problems[`action:${unit.actionId}`] = { error: error.message, field: error.field };
    }
    this.snapshot = { ...this.snapshot, problems };
    this.persist();
    this.update();
  }

  private persist(): void {
    try {
      if (this.hasPending()) this.storage?.setItem(this.storageKey, JSON.stringify(this.pending));
      else this.storage?.removeItem(this.storageKey);
    } catch {
      // Storage full or blocked: the queue still works in memory.
    }
  }

  private update(): void {
    const state: SaveState =
      this.failing || (this.snapshot.blocked && this.hasPending()) ? "error" : this.hasPending() || this.running ? "saving" : "saved";
    if (state !== this.snapshot.state) this.snapshot = { ...this.snapshot, state };
    if (!this.hasPending()) {
      const waiters = this.idleWaiters.splice(0);
      for (const resolve of waiters) resolve();
    }
    for (const listener of this.listeners) listener();
  }
}
