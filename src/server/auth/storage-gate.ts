/** What the gate needs of an AsyncLocalStorage: switching it off (its next `run` switches it on again). */
export type Switchable = { disable(): void };

/**
 * Keeps AsyncLocalStorage switched on only while work that needs it is in flight (decision 0046).
 *
 * On Node 20 the first `run` of any AsyncLocalStorage turns on V8's promise hooks for the whole process until every
 * storage is disabled, so from the first sign-in on every promise of every request pays for context propagation
 * (results reads reach 0.70 of their floor with it, 0.81 without). Only better-auth needs storage (its own three,
 * and ours for the request id on its log lines), and a storage's `run` switches it back on by itself, so the gate
 * disables the storages it watches each time the last piece of gated work ends.
 */
export class StorageGate {
  #inFlight = 0;
  readonly #storages = new Set<Switchable>();

  /** Storages to switch off whenever no gated work is in flight; switched off right away when none is. */
  watch(...storages: readonly Switchable[]): void {
    for (const storage of storages) this.#storages.add(storage);
    this.#switchOffWhenIdle();
  }

  /** Runs `work`; its storages stay on until it and all other gated work in flight have settled. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.#inFlight++;
    try {
      return await work();
    } finally {
      this.#inFlight--;
      this.#switchOffWhenIdle();
    }
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  #switchOffWhenIdle(): void {
    if (this.#inFlight === 0) for (const storage of this.#storages) storage.disable();
  }
}
