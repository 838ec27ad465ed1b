// Small statistics and verdict helpers for the benchmark (pure).

export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** a ÷ b, NaN when b is 0 or either is not a number. */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN;
}

/** A target: the figure must be at least (`>=`) or below (`<`, `<=`) the limit. */
export type Target = { op: ">=" | "<" | "<="; limit: number; unit?: string };

export function verdict(value: number, target: Target | undefined): "PASS" | "MISS" | "" {
  if (!target) return "";
  if (!Number.isFinite(value)) return "MISS";
  const ok = target.op === ">=" ? value >= target.limit : target.op === "<" ? value < target.limit : value <= target.limit;
  return ok ? "PASS" : "MISS";
}

export const describeTarget = (target: Target | undefined): string =>
  target ? `${target.op === ">=" ? "≥" : target.op === "<=" ? "≤" : "<"} ${target.limit}${target.unit ?? ""}` : "";

/** A number with `digits` decimals, or "–" for a figure that could not be measured. */
export const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : "–");
