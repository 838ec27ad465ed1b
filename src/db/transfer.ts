import { type SQL, sql } from "drizzle-orm";
import type { Db } from "./client.ts";

/**
 * Copies every row of one database into another of the same schema (the embedded PGlite database into an empty
 * PostgreSQL one: `scripts/move-to-postgres.ts`), then verifies the copy table by table.
 *
 * - Tables are discovered, not listed: every base table of the source's schema (`public`) except drizzle's migration
 *   bookkeeping, so a table added later is moved without anyone remembering to.
 * - Values travel as PostgreSQL's own text form (`column::text` on the source, `text::type` on the target), the same
 *   round trip a dump makes, so jsonb, arrays, timestamps (to the microsecond), bytea and tsvector arrive exactly.
 * - The target is written in one transaction, with its tables locked and checked to be empty first: a move either
 *   lands whole or leaves the target as it was. Tables are filled in foreign-key order; only when references form a
 *   cycle (a table referring to itself included) are the constraint triggers switched off for the transaction
 *   (`session_replication_role = replica`, which needs a superuser).
 * - Sequences get the source's state (`setval`).
 * - Verification: per table the row count and an md5 over the md5 of every row's text form, sorted bytewise — computed
 *   by the same SQL with the same output settings on both sides, and independent of row order and collation.
 */

export const MIGRATIONS_TABLE = "__drizzle_migrations";

/** A problem an operator must fix; its message is one line. */
export class TransferError extends Error {
  override name = "TransferError";
}

export class TargetNotEmptyError extends TransferError {
  override name = "TargetNotEmptyError";
  constructor(readonly table: string) {
    super(
      `De doeldatabase is niet leeg: tabel "${table}" bevat al rijen. Verplaats alleen naar een nieuwe, lege database waarop de app nog niet heeft gedraaid.`,
    );
  }
}

type Runner = Pick<Db, "execute">;

type Column = { name: string; type: string; generated: boolean };
export type Table = { name: string; columns: Column[] };
type Schema = { schema: string; tables: Table[]; sequences: string[]; references: [from: string, to: string][] };

export type TableCheck = { rows: number; checksum: string };
export type TableReport = { table: string; source: TableCheck; target: TableCheck; ok: boolean };
export type SequenceReport = { sequence: string; source: string; target: string; ok: boolean };
export type TransferReport = { tables: TableReport[]; sequences: SequenceReport[]; rows: number; ok: boolean };

export type TransferOptions = {
  /** Rows per INSERT (default 500). */
  batchSize?: number;
  /** Called after each table is copied. */
  onTable?: (table: string, rows: number) => void;
};

async function rows<T>(runner: Runner, query: SQL): Promise<T[]> {
  const result = (await runner.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const qualified = (schema: string, name: string) => `${ident(schema)}.${ident(name)}`;

/**
 * Output settings every value's text form depends on, fixed for the transaction so both sides write the same text
 * (and the target reads it back unambiguously).
 */
async function fixOutputSettings(runner: Runner): Promise<void> {
  for (const setting of [
    "SET LOCAL DateStyle = 'ISO, YMD'",
    "SET LOCAL TimeZone = 'UTC'",
    "SET LOCAL IntervalStyle = 'postgres'",
    "SET LOCAL extra_float_digits = 1",
    "SET LOCAL bytea_output = 'hex'",
  ]) {
    await runner.execute(sql.raw(setting));
  }
}

/** The tables (with their columns), sequences and foreign keys of the current schema. */
export async function describeSchema(runner: Runner): Promise<Schema> {
  const [current] = await rows<{ schema: string }>(runner, sql`SELECT current_schema()::text AS schema`);
  const schema = current?.schema ?? "public";
  const tableNames = await rows<{ name: string }>(
    runner,
    sql`SELECT table_name::text AS name FROM information_schema.tables
        WHERE table_schema = ${schema} AND table_type = 'BASE TABLE' AND table_name <> ${MIGRATIONS_TABLE}
        ORDER BY 1`,
  );
  const columns = await rows<{ table: string; name: string; type: string; generated: string }>(
    runner,
    sql`SELECT c.relname::text AS table, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
               a.attgenerated::text AS generated
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum`,
  );
  // pg_class rather than information_schema.sequences, which leaves out the sequences of identity columns.
  const sequences = await rows<{ name: string }>(
    runner,
    sql`SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'S' AND n.nspname = ${schema} ORDER BY 1`,
  );
  const references = await rows<{ from: string; to: string }>(
    runner,
    sql`SELECT src.relname::text AS from, ref.relname::text AS to
        FROM pg_constraint k
        JOIN pg_class src ON src.oid = k.conrelid JOIN pg_namespace n ON n.oid = src.relnamespace
        JOIN pg_class ref ON ref.oid = k.confrelid
        WHERE k.contype = 'f' AND n.nspname = ${schema}`,
  );
  const tables = tableNames.map(({ name }) => ({
    name,
    columns: columns
      .filter((c) => c.table === name)
      .map((c) => ({ name: c.name, type: c.type, generated: c.generated !== "" && c.generated !== "\u0000" })),
  }));
  return { schema, tables, sequences: sequences.map((s) => s.name), references: references.map((r) => [r.from, r.to]) };
}

/**
 * Tables in an order in which every referenced table comes before the tables referring to it (alphabetical where
 * free). `cyclic` is true when that is impossible (a cycle, or a table referring to itself).
 */
export function insertOrder(tables: string[], references: [from: string, to: string][]): { order: string[]; cyclic: boolean } {
  const known = new Set(tables);
  const edges = references.filter(([from, to]) => known.has(from) && known.has(to));
  const selfReferencing = edges.some(([from, to]) => from === to);
  const waitingFor = new Map(tables.map((t) => [t, new Set(edges.filter(([from, to]) => from === t && to !== t).map(([, to]) => to))]));
  const order: string[] = [];
  while (waitingFor.size > 0) {
    const ready = [...waitingFor].filter(([, deps]) => deps.size === 0).map(([t]) => t);
    if (ready.length === 0) break;
    const next = ready.sort()[0] as string;
    order.push(next);
    waitingFor.delete(next);
    for (const deps of waitingFor.values()) deps.delete(next);
  }
  const rest = [...waitingFor.keys()].sort();
  return { order: [...order, ...rest], cyclic: selfReferencing || rest.length > 0 };
}

/** The source and target schemas must hold the same tables with the same columns and types (same migrations). */
function assertSameSchema(source: Schema, target: Schema): void {
  const describe = (s: Schema) =>
    new Map(s.tables.map((t) => [t.name, t.columns.map((c) => `${c.name} ${c.type}${c.generated ? " generated" : ""}`).join(", ")]));
  const a = describe(source);
  const b = describe(target);
  for (const [table, columns] of a) {
    if (!b.has(table)) throw new TransferError(`Tabel "${table}" ontbreekt in de doeldatabase: de databases hebben niet hetzelfde schema.`);
    if (b.get(table) !== columns) {
      throw new TransferError(`Tabel "${table}" heeft in de doeldatabase andere kolommen (${b.get(table)}) dan in de bron (${columns}).`);
    }
  }
  for (const table of b.keys()) {
    if (!a.has(table))
      throw new TransferError(`Tabel "${table}" bestaat alleen in de doeldatabase: de databases hebben niet hetzelfde schema.`);
  }
  const missing = source.sequences.filter((s) => !target.sequences.includes(s));
  if (missing.length > 0) throw new TransferError(`Reeks (sequence) "${missing[0]}" ontbreekt in de doeldatabase.`);
}

/** Throws TargetNotEmptyError naming the first table that holds a row. */
export async function assertEmpty(runner: Runner, schema: string, tables: string[]): Promise<void> {
  for (const table of tables) {
    const [found] = await rows<{ one: number }>(runner, sql.raw(`SELECT 1 AS one FROM ${qualified(schema, table)} LIMIT 1`));
    if (found) throw new TargetNotEmptyError(table);
  }
}

/** Row count and checksum of each table; run inside a transaction (fixes the output settings). */
async function checksums(runner: Runner, schema: string, tables: Table[]): Promise<Map<string, TableCheck>> {
  await fixOutputSettings(runner);
  const result = new Map<string, TableCheck>();
  for (const table of tables) {
    const values = table.columns.map((c) => `${ident(c.name)}::text`).join(", ");
    const [row] = await rows<{ rows: string; checksum: string }>(
      runner,
      sql.raw(
        `SELECT count(*)::text AS rows, md5(coalesce(string_agg(h, '' ORDER BY h COLLATE "C"), '')) AS checksum
         FROM (SELECT md5(ARRAY[${values}]::text[]::text) AS h FROM ${qualified(schema, table.name)}) AS t`,
      ),
    );
    result.set(table.name, { rows: Number(row?.rows), checksum: row?.checksum ?? "" });
  }
  return result;
}

async function sequenceStates(runner: Runner, schema: string, sequences: string[]): Promise<Map<string, string>> {
  const states = new Map<string, string>();
  for (const sequence of sequences) {
    const [state] = await rows<{ last: string; called: string }>(
      runner,
      sql.raw(`SELECT last_value::text AS last, is_called::text AS called FROM ${qualified(schema, sequence)}`),
    );
    states.set(sequence, `${state?.last} ${state?.called}`);
  }
  return states;
}

async function copyTable(
  source: Runner,
  target: Runner,
  schemas: { source: string; target: string },
  table: Table,
  batchSize: number,
): Promise<number> {
  const columns = table.columns.filter((c) => !c.generated);
  if (columns.length === 0) return 0;
  const from = qualified(schemas.source, table.name);
  const into = qualified(schemas.target, table.name);
  const encoded = columns.map((c) => `${ident(c.name)}::text`).join(", ");
  const decoded = columns.map((c, i) => `(e.r->>${i})::${c.type}`).join(", ");
  const columnList = columns.map((c) => ident(c.name)).join(", ");
  await source.execute(
    sql.raw(`DECLARE transfer_rows NO SCROLL CURSOR FOR SELECT array_to_json(ARRAY[${encoded}]::text[])::text AS r FROM ${from}`),
  );
  let copied = 0;
  for (;;) {
    const batch = await rows<{ r: string }>(source, sql.raw(`FETCH FORWARD ${batchSize} FROM transfer_rows`));
    if (batch.length === 0) break;
    const json = `[${batch.map((b) => b.r).join(",")}]`;
    await target.execute(
      sql`${sql.raw(`INSERT INTO ${into} (${columnList}) OVERRIDING SYSTEM VALUE SELECT ${decoded} FROM json_array_elements(`)}${json}${sql.raw("::json) AS e(r)")}`,
    );
    copied += batch.length;
  }
  await source.execute(sql.raw("CLOSE transfer_rows"));
  return copied;
}

/**
 * Copies every row of `source` into `target` (same schema, no rows), then verifies counts, checksums and sequences.
 * Throws TargetNotEmptyError (nothing written) when the target holds any row, TransferError when the schemas differ.
 * The report says per table whether source and target agree; `ok` is false on any difference.
 */
export async function transferDatabase(source: Db, target: Db, options: TransferOptions = {}): Promise<TransferReport> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1)
    throw new TransferError(`Batchgrootte moet een positief geheel getal zijn, niet ${batchSize}.`);
  const sourceSchema = await describeSchema(source);
  const targetSchema = await describeSchema(target);
  assertSameSchema(sourceSchema, targetSchema);
  const { order, cyclic } = insertOrder(
    targetSchema.tables.map((t) => t.name),
    targetSchema.references,
  );
  const tables = order.map((name) => sourceSchema.tables.find((t) => t.name === name) as Table);

  let sourceChecks = new Map<string, TableCheck>();
  let sourceSequences = new Map<string, string>();
  await source.transaction(
    async (src) => {
      await fixOutputSettings(src);
      await target.transaction(async (dst) => {
        await fixOutputSettings(dst);
        if (cyclic) await replicaMode(dst);
        if (tables.length > 0) {
          // Nothing else may write while we check the target is empty and fill it.
          await dst.execute(
            sql.raw(`LOCK TABLE ${tables.map((t) => qualified(targetSchema.schema, t.name)).join(", ")} IN EXCLUSIVE MODE`),
          );
        }
        await assertEmpty(
          dst,
          targetSchema.schema,
          tables.map((t) => t.name),
        );
        for (const table of tables) {
          const copied = await copyTable(src, dst, { source: sourceSchema.schema, target: targetSchema.schema }, table, batchSize);
          options.onTable?.(table.name, copied);
        }
        const states = await sequenceStates(src, sourceSchema.schema, sourceSchema.sequences);
        for (const [sequence, state] of states) {
          const [last, called] = state.split(" ");
          await dst.execute(sql`SELECT setval(${qualified(targetSchema.schema, sequence)}::regclass, ${last}::bigint, ${called}::boolean)`);
        }
      });
      // In the snapshot that was copied.
      sourceChecks = await checksums(src, sourceSchema.schema, tables);
      sourceSequences = await sequenceStates(src, sourceSchema.schema, sourceSchema.sequences);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  return compare(tables, sourceChecks, sourceSequences, target, targetSchema.schema);
}

async function replicaMode(runner: Runner): Promise<void> {
  try {
    await runner.execute(sql.raw("SET LOCAL session_replication_role = replica"));
  } catch (error) {
    throw new TransferError(
      `De tabellen verwijzen in een kring naar elkaar; kopiëren kan dan alleen met session_replication_role = replica, en daarvoor is een superuser nodig (${(error as Error).message}).`,
    );
  }
}

/** Compares what the target now holds with the source's counts, checksums and sequences. */
async function compare(
  tables: Table[],
  sourceChecks: Map<string, TableCheck>,
  sourceSequences: Map<string, string>,
  target: Db,
  schema: string,
): Promise<TransferReport> {
  let targetChecks = new Map<string, TableCheck>();
  let targetSequences = new Map<string, string>();
  await target.transaction(
    async (tx) => {
      targetChecks = await checksums(tx, schema, tables);
      targetSequences = await sequenceStates(tx, schema, [...sourceSequences.keys()]);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  const tableReports = tables.map((t) => {
    const s = sourceChecks.get(t.name) ?? { rows: Number.NaN, checksum: "" };
    const d = targetChecks.get(t.name) ?? { rows: Number.NaN, checksum: "" };
    return { table: t.name, source: s, target: d, ok: s.rows === d.rows && s.checksum === d.checksum };
  });
  const sequences = [...sourceSequences].map(([sequence, state]) => {
    const targetState = targetSequences.get(sequence) ?? "";
    return { sequence, source: state, target: targetState, ok: state === targetState };
  });
  return {
    tables: tableReports,
    sequences,
    rows: tableReports.reduce((n, t) => n + t.target.rows, 0),
    ok: tableReports.every((t) => t.ok) && sequences.every((s) => s.ok),
  };
}

/** Counts and checksums of two databases of the same schema, compared (a later check of a move). */
export async function compareDatabases(source: Db, target: Db): Promise<TransferReport> {
  const sourceSchema = await describeSchema(source);
  const targetSchema = await describeSchema(target);
  assertSameSchema(sourceSchema, targetSchema);
  let sourceChecks = new Map<string, TableCheck>();
  let sourceSequences = new Map<string, string>();
  await source.transaction(
    async (tx) => {
      sourceChecks = await checksums(tx, sourceSchema.schema, sourceSchema.tables);
      sourceSequences = await sequenceStates(tx, sourceSchema.schema, sourceSchema.sequences);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  return compare(sourceSchema.tables, sourceChecks, sourceSequences, target, targetSchema.schema);
}

/** The report as a plain-text table, one line per table and sequence. */
export function formatReport(report: TransferReport): string {
  const header = ["tabel", "rijen bron", "rijen doel", "checksum bron", "checksum doel", ""];
  const lines = [
    header,
    ...report.tables.map((t) => [
      t.table,
      String(t.source.rows),
      String(t.target.rows),
      t.source.checksum,
      t.target.checksum,
      t.ok ? "ok" : "VERSCHIL",
    ]),
    ...report.sequences.map((s) => [`reeks ${s.sequence}`, "", "", s.source, s.target, s.ok ? "ok" : "VERSCHIL"]),
  ];
  const widths = header.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? "").length)));
  return lines
    .map((l) =>
      l
        .map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
