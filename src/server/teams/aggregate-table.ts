import { stringify } from "csv-stringify/sync";
import type { Tool } from "../../domain/content/schema.ts";
import { type ItemAggregate, isVisible, type PerspectiveResult } from "../../domain/teams/aggregation.ts";
import { allowsDontKnow, PERSPECTIVE_LABELS } from "../../domain/teams/perspectives.ts";

// The per-factor aggregate table shared by the CSV export (cheap: built on the request) and the XLSX export (built in
// the render worker, see ../render/). Kept apart from exports.ts so the main thread never loads exceljs or pdfmake.

const SCORES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
export const COLUMNS = [
  "perspectief",
  "thema",
  "factor",
  "succesfactor",
  "gemiddelde",
  "scores",
  "nvt",
  "weet_ik_niet",
  ...SCORES.map((s) => `aantal_${s}`),
  "opmerking",
];

export const TOO_FEW = "te weinig antwoorden";

function note(item: ItemAggregate, threshold: number, perspectiveAllowsDontKnow: boolean): string {
  const hidden = [
    item.mean === null ? `score: ${TOO_FEW}` : null,
    item.notApplicable === null ? `n.v.t.: minder dan ${threshold} (of nog niet vrijgegeven)` : null,
    item.dontKnow === null && perspectiveAllowsDontKnow ? `weet ik niet: minder dan ${threshold} (of nog niet vrijgegeven)` : null,
  ];
  return hidden.filter(Boolean).join("; ");
}

/**
 * One row per factor and perspective, only with what `disclose` let through: empty cells where a figure rests on
 * fewer than the threshold, never individual responses.
 */
export function aggregateRows(tool: Tool, results: PerspectiveResult[], threshold: number): (string | number | null)[][] {
  const items = new Map(tool.themes.flatMap((t) => t.items.map((i) => [i.id, { themeId: t.id, text: i.text }] as const)));
  return results
    .filter(isVisible)
    .flatMap((result) =>
      result.items.map((item) => [
        PERSPECTIVE_LABELS[result.perspective],
        items.get(item.id)?.themeId ?? "",
        item.id,
        items.get(item.id)?.text ?? "",
        item.mean,
        item.scored,
        item.notApplicable,
        item.dontKnow,
        ...(item.distribution ?? SCORES.map(() => null)),
        note(item, threshold, allowsDontKnow(result.perspective)),
      ]),
    );
}

export function aggregatesCsv(tool: Tool, results: PerspectiveResult[], threshold: number): string {
  // Semicolons and decimal commas: what Dutch spreadsheet software expects.
  const rows = aggregateRows(tool, results, threshold).map((row) =>
    row.map((v) => (typeof v === "number" && !Number.isInteger(v) ? String(v).replace(".", ",") : v)),
  );
  return `\uFEFF${stringify([COLUMNS, ...rows], { delimiter: ";" })}`;
}
