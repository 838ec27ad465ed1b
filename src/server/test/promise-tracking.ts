import { executionAsyncId } from "node:async_hooks";

/**
 * Whether Node tracks promises right now (async hooks on, as every enabled AsyncLocalStorage makes them on Node 20):
 * only then does each promise reaction run under an async id of its own.
 */
export async function promiseTrackingOn(): Promise<boolean> {
  const first = await Promise.resolve().then(() => executionAsyncId());
  const second = await Promise.resolve().then(() => executionAsyncId());
  return first !== second;
}
