import { type PGlite, protocol } from "@electric-sql/pglite";
import type pg from "pg";
import type { Db } from "./client.ts";

/**
 * One statement of a hot path, prepared once per database session and run with text parameters; its columns come
 * back as PostgreSQL's text (the caller parses what it needs: `JSON.parse` for jsonb, `=== "t"` for a boolean).
 *
 * Why not drizzle's `.prepare()`: on PGlite it runs `PGlite.query`, which parses, describes and plans the statement
 * again on every call (six round trips into the WebAssembly module) and merges PGlite's ~300 type parsers with
 * drizzle's for every query; that was two thirds of the cost of an answer save. Here the statement is parsed once
 * (a named statement of PGlite's single session, so PostgreSQL also caches its plan) and each call is one round trip:
 * Bind, Execute, Sync. On PostgreSQL it is node-postgres' named statement (parsed once per connection), as drizzle
 * does, without the result mapping. See docs/decisions/0023-hot-statements-and-request-stack-costs.md.
 */
export type RawStatement = {
  /** Runs the statement; `rows` holds the text of each column (null for SQL NULL), `count` the rows it touched. */
  run(values: readonly (string | null)[]): Promise<RawResult>;
};

export type RawResult = { rows: (string | null)[][]; count: number };

type PgPool = Pick<pg.Pool, "query">;

/** The driver under a drizzle database: PGlite, or node-postgres' pool. */
function driverOf(db: Db): { pglite: PGlite } | { pool: PgPool } {
  const client = (db as unknown as { $client: unknown }).$client;
  if (client && typeof (client as PGlite).execProtocol === "function") return { pglite: client as PGlite };
  return { pool: client as PgPool };
}

/** Every column as its text: no type parsing on PostgreSQL either. */
const TEXT_TYPES = { getTypeParser: () => (value: string) => value };

/**
 * A statement named `name` (unique per database; `$1…` placeholders, text parameters) on the database `db`. Statements
 * are prepared lazily, on their first run.
 */
export function rawStatement(db: Db, name: string, text: string): RawStatement {
  const driver = driverOf(db);
  if ("pool" in driver) {
    const { pool } = driver;
    return {
      // A promise chain, not an async function: every promise counts on a hot path while async hooks are on.
      run: (values) =>
        pool
          .query<(string | null)[]>({ name, text, values: values as (string | null)[], rowMode: "array", types: TEXT_TYPES })
          .then((result) => ({ rows: result.rows, count: result.rowCount ?? 0 })),
    };
  }
  return pgliteStatement(driver.pglite, name, text);
}

const { serialize } = protocol;
const { DataRowMessage, CommandCompleteMessage } = protocol.messages;
const EXECUTE = serialize.execute({});
const SYNC = serialize.sync();

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Named statements that exist in a PGlite's session (it has one session for its whole life). */
const preparedIn = new WeakMap<PGlite, Set<string>>();

function pgliteStatement(client: PGlite, name: string, text: string): RawStatement {
  let prepared = preparedIn.get(client);
  if (!prepared) {
    prepared = new Set();
    preparedIn.set(client, prepared);
  }
  const names = prepared;
  const parse = serialize.parse({ name, text, types: [] });
  return {
    run(values) {
      const bind = serialize.bind({ statement: name, values: values as (string | null)[] });
      // The same locks as PGlite.query: after any transaction in progress, one protocol exchange at a time.
      return client._runExclusiveTransaction(() =>
        client._runExclusiveQuery(async () => {
          // Parsed on the first run, in an exchange of its own: a failed Parse is tried again next time.
          if (!names.has(name)) {
            await client.execProtocol(concat([parse, SYNC]));
            names.add(name);
          }
          // Bind, Execute and Sync in one exchange; an error ends at the Sync, so the session is ready for the next.
          const { messages } = await client.execProtocol(concat([bind, EXECUTE, SYNC]));
          const rows: (string | null)[][] = [];
          let count = 0;
          for (const message of messages) {
            if (message instanceof DataRowMessage) rows.push(message.fields);
            else if (message instanceof CommandCompleteMessage) {
              const words = message.text.split(" ");
              count = Number(words[words.length - 1]) || 0;
            }
          }
          return { rows, count };
        }),
      );
    },
  };
}
