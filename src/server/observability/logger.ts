import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { hostname } from "node:os";
import { type FastifyBaseLogger, type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from "fastify";
import pino, { type Bindings, type ChildLoggerOptions } from "pino";
import type { RequestStep } from "../request-steps.ts";
import { scrubText, scrubValue, serializeError } from "./redact.ts";

export const REQUEST_ID_HEADER = "x-request-id";
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The caller's `X-Request-Id` when it is sane (≤ 128 of [A-Za-z0-9._-]), else a random id of its own (see newRequestId). */
export function requestIdFrom(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === "string" && SANE_REQUEST_ID.test(given) ? given : newRequestId();
}

/** Echoes the request id, so a caller or proxy can find the log lines of its request (a request step). */
export const echoRequestId: RequestStep = (request, reply) => {
  reply.header(REQUEST_ID_HEADER, request.id);
  return undefined;
};

/** Random bytes per request id (96 bits: 16 characters of base64url), and ids drawn per refill of the pool. */
const ID_BYTES = 12;
const IDS_PER_REFILL = 4096;
let idPool = Buffer.alloc(0);
let idOffset = 0;

/**
 * A random request id, 16 characters of base64url: unique across instances and restarts without coordination, and
 * saying nothing about how many requests came before it (a counter would). Drawn from a pool of random bytes refilled
 * every 4,096 ids: `randomUUID` refills its cache every 128 and formats hex, ~1 µs per request under load here, where
 * a system call costs tens of microseconds.
 */
export function newRequestId(): string {
  if (idOffset === idPool.length) {
    idPool = randomBytes(ID_BYTES * IDS_PER_REFILL);
    idOffset = 0;
  }
  const id = idPool.toString("base64url", idOffset, idOffset + ID_BYTES);
  idOffset += ID_BYTES;
  return id;
}

/** Where log lines go; anything with `write(line)` (stdout by default, a collecting stream in tests). */
export type LogDestination = { write(line: string): void };

/**
 * Log lines to a file descriptor or path (stdout by default), written synchronously in batches of ≥ 16 kB (some 70
 * request lines): a busy server pays one `write` system call per batch instead of one per line (decision 0025).
 * What is pending is written every 200 ms, so a quiet server's lines appear within that, and when the process exits.
 * Synchronous, not on libuv's thread pool: a batch still in flight there when the process exits would land after the
 * lines written at exit, out of order (decision 0051); a log reader that stalls holds the server up instead of
 * letting unwritten lines pile up in memory.
 */
export function batchedLogDestination(dest: number | string = 1): LogDestination {
  return new LineBatches(pino.destination({ dest, sync: true }));
}

/** Pending log text written at this length, and at least this often. */
const BATCH_LENGTH = 16 * 1024;
const WRITE_EVERY_MS = 200;

type SonicBoom = ReturnType<typeof pino.destination>;

/**
 * Batches of log lines for sonic-boom, kept as an array and joined once per batch. sonic-boom's own batching
 * (`minLength`) measures its pending text with Buffer.byteLength on every line, which flattens the growing string
 * each time: some 2 kB copied and allocated per request line at a 4 kB batch (decision 0049). 16 kB is sonic-boom's
 * own chunk size (`maxWrite`); a batch's lines die young at load (~15 ms at 5,000 requests a second), where longer
 * batches kept by time outlived young-generation collections. sonic-boom does the writing: partial writes and a
 * full pipe (EAGAIN: it waits and tries again).
 */
class LineBatches implements LogDestination {
  private lines: string[] = [];
  private length = 0;

  constructor(private readonly sonic: SonicBoom) {
    setInterval(() => this.writePending(), WRITE_EVERY_MS).unref();
    // When the process ends (process.exit or an empty event loop) the pending lines are written too.
    process.on("exit", () => this.writePending());
  }

  write(line: string): void {
    this.lines.push(line);
    this.length += line.length;
    if (this.length >= BATCH_LENGTH) this.writePending();
  }

  /** Writes the pending lines as one string. */
  private writePending(): void {
    if (this.length === 0) return;
    const batch = this.lines.join("");
    this.lines = [];
    this.length = 0;
    this.sonic.write(batch);
  }
}

type PinoOptions = Exclude<FastifyServerOptions["logger"], boolean | undefined>;

/**
 * pino options for the app: JSON lines, request objects reduced to method and route pattern (no URL, query string,
 * headers or client address), errors serialized and scrubbed, and every message and logged value scrubbed of e-mail
 * addresses, tokens and ids before it is written (see redact.ts; secret keys such as cookie, authorization and
 * password are replaced there too, so pino's own `redact`, which walked every line, is not used).
 */
export function loggerOptions({ level, destination }: { level: string; destination: LogDestination }): PinoOptions {
  return {
    level,
    stream: destination,
    serializers: {
      req: (request) => ({ method: request.method, route: routePattern(request) }),
      res: (reply) => ({ statusCode: reply.statusCode }),
      // Fastify's type wants the serialized shape; serializeError returns it for every Error.
      err: (error) => serializeError(error) as { type: string; message: string; stack: string },
    },
    hooks: {
      logMethod(args, method) {
        // A request line (error, 5xx or probe) holds nothing to scrub (method, route pattern, numbers): written as it is.
        if (args[0] instanceof RequestLine) return method.apply(this, args);
        const [first, ...rest] = args as unknown[];
        if (first instanceof Error) {
          const message = typeof rest[0] === "string" ? rest.shift() : first.message;
          return method.apply(this, [{ err: first }, scrubText(String(message)), ...rest.map((a) => scrubValue(a))] as never);
        }
        // `never`: pino's LogFn overloads cannot be expressed for a rebuilt argument list.
        return method.apply(this, [scrubValue(first), ...rest.map((a) => scrubValue(a))] as never);
      },
    },
  };
}

/** The route pattern of a request (`/api/checks/:id/answers`), never its URL; "(unmatched)" for unknown paths. */
export function routePattern(request: FastifyRequest | IncomingMessage): string {
  const options = "routeOptions" in request ? request.routeOptions : undefined;
  return options?.url ?? "(unmatched)";
}

/**
 * The fields of a "request completed" line: the method (a token Node's HTTP parser accepted), the route pattern (from
 * the app's route table, never the URL), status and response time. Made by RequestLogController only; log lines whose
 * first argument is one skip scrubbing, which would not change them (see loggerOptions).
 */
class RequestLine {
  constructor(
    readonly method: string,
    readonly route: string,
    readonly statusCode: number,
    readonly responseTime: number,
  ) {}
}

/** Probes and scrapes come every few seconds per instance: their request lines are debug, not info. */
const isProbe = (route: string) => route === "/metrics" || route.startsWith("/api/health");

/** The levels at which an `info` line is written. */
const INFO_WRITTEN = new Set(["trace", "debug", "info"]);

/** pino's default base fields (the app sets no `base`), as pino writes them after level and time. */
const BASE_FIELDS = `,"pid":${process.pid},"hostname":${JSON.stringify(hostname())}`;

/**
 * The line pino writes for `request.log.info({ method, route, statusCode, responseTime }, "request completed")` on
 * the app's logger, built directly: the same fields in the same order (logger.test.ts compares it with pino's own).
 * pino's generic serialisation, which sees every shape logged anywhere in the app, cost some 10 µs per request under
 * load against 2 µs for this (decision 0052).
 */
export function requestCompletedLine(reqId: string, method: string, route: string, statusCode: number, responseTime: number): string {
  return `{"level":30,"time":${Date.now()}${BASE_FIELDS},"reqId":${JSON.stringify(reqId)},"method":${JSON.stringify(method)},"route":${JSON.stringify(route)},"statusCode":${statusCode},"responseTime":${responseTime},"msg":"request completed"}\n`;
}

/** Sees every request once its response is finished (or failed), with the route pattern it matched. */
export type RequestCompletedListener = (request: FastifyRequest, reply: FastifyReply, route: string) => void;

/**
 * Fastify's request logging, replaced: no "incoming request" line, one "request completed" line per request with
 * method, route pattern, status and response time (and the request id), and no raw URLs on 404s. The usual line (info,
 * no error) goes straight to `destination`, the logger's own (see requestCompletedLine); error, 5xx and probe lines
 * through pino. Without a destination (an app built without a logger) it writes nothing.
 */
export class RequestLogController extends LogController {
  private listener: RequestCompletedListener | undefined;

  constructor(private readonly destination?: LogDestination) {
    super();
  }

  /**
   * Gives every completed request, with its route pattern, to `listener` too (the metrics): Fastify calls this
   * controller for every request anyway, where an `onResponse` hook would add a hook runner to every request and a
   * second read of `request.routeOptions`, which Fastify builds afresh on each read.
   */
  onRequestCompleted(listener: RequestCompletedListener): void {
    this.listener = listener;
  }

  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const route = routePattern(request);
    // Called from the response's 'finish' event, where a throw would end the process; the request line still follows.
    try {
      this.listener?.(request, reply, route);
    } catch (listenerError) {
      request.log.error({ err: listenerError }, "counting a completed request failed");
    }
    // No destination: the app has no logger (Fastify's no-op one), so there is nothing to write.
    if (!this.destination) return;
    const { statusCode } = reply;
    const responseTime = Math.round(reply.elapsedTime * 10) / 10;
    if (!error && statusCode < 500 && !isProbe(route)) {
      if (INFO_WRITTEN.has(request.log.level)) {
        this.destination.write(requestCompletedLine(request.id, request.method, route, statusCode, responseTime));
      }
      return;
    }
    const line = new RequestLine(request.method, route, statusCode, responseTime);
    if (error) request.log.error({ ...line, err: error }, "request errored");
    else if (statusCode >= 500) request.log.error(line, "request completed");
    else request.log.debug(line, "request completed");
  }
}

/**
 * Fastify's per-request logger (`childLoggerFactory`), made on first use. pino's `child` copies the parent and
 * serialises the bindings (the request id) for every request, ~1.5 µs under load, while the usual request writes no
 * line through it: its request line is written directly (RequestLogController). A line that is written carries the
 * request id as before.
 */
export const requestLoggerFactory: NonNullable<FastifyServerOptions["childLoggerFactory"]> = (logger, bindings, options) =>
  new RequestLogger(logger, bindings, options);

type LogMethod = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

class RequestLogger implements FastifyBaseLogger {
  private made: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  private get logger(): FastifyBaseLogger {
    this.made ??= this.parent.child(this.bindings, this.options);
    return this.made;
  }

  /** The child's level without making it: a route's own level, else the parent's. */
  get level(): string {
    return this.made?.level ?? this.options.level ?? this.parent.level;
  }

  set level(level: string) {
    this.logger.level = level;
  }

  private write(method: LogMethod, args: unknown[]): void {
    const logger = this.logger;
    // pino's LogFn overloads cannot be expressed for an argument list passed on as it came.
    (logger[method] as (...args: unknown[]) => void).apply(logger, args);
  }

  fatal(...args: unknown[]): void {
    this.write("fatal", args);
  }
  error(...args: unknown[]): void {
    this.write("error", args);
  }
  warn(...args: unknown[]): void {
    this.write("warn", args);
  }
  info(...args: unknown[]): void {
    this.write("info", args);
  }
  debug(...args: unknown[]): void {
    this.write("debug", args);
  }
  trace(...args: unknown[]): void {
    this.write("trace", args);
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.logger.child(bindings, options);
  }
}

/**
 * The logger of the request being handled, for code that is not handed one (better-auth). Set only around
 * better-auth's work (`Auth.use`), which also switches it off afterwards (decision 0046).
 */
export const requestLogStorage = new AsyncLocalStorage<FastifyBaseLogger>();

/** Runs `work` with `log` as the current logger. */
export function withRequestLog<T>(log: FastifyBaseLogger, work: () => T): T {
  return requestLogStorage.run(log, work);
}

/** The logger of the request being handled (with its request id), else `fallback`. */
export function currentLog(fallback: FastifyBaseLogger): FastifyBaseLogger {
  return requestLogStorage.getStore() ?? fallback;
}

export type BetterAuthLogLevel = "debug" | "info" | "warn" | "error";
export type BetterAuthLog = (level: BetterAuthLogLevel, message: string, ...args: unknown[]) => void;

/**
 * better-auth's `logger.log`: its messages as JSON lines through our logger (the current request's when there is
 * one, so they carry its request id), scrubbed like every other line.
 */
export function betterAuthLog(fallback: FastifyBaseLogger): BetterAuthLog {
  return (level, message, ...args) => {
    const log = currentLog(fallback);
    const [first] = args;
    const fields: Record<string, unknown> = { source: "better-auth" };
    if (first instanceof Error) fields.err = first;
    if (args.length > (first instanceof Error ? 1 : 0)) fields.details = first instanceof Error ? args.slice(1) : args;
    log[level](fields, message);
  };
}
