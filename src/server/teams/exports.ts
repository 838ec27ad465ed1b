import type { Content } from "pdfmake/interfaces";
import { ACTION_STATUS_LABELS, formatDate, formatScore } from "../../domain/checks/format.ts";
import type { Tool } from "../../domain/content/schema.ts";
import { isVisible, type PerspectiveResult } from "../../domain/teams/aggregation.ts";
import type { MirrorRow } from "../../domain/teams/mirror.ts";
import { formatGroupMeans, PERSPECTIVE_LABELS } from "../../domain/teams/perspectives.ts";
import { pdfTable, renderPdf } from "../pdf.ts";
import type { PlanActionRecord } from "../plans/service.ts";
import { aggregateRows, COLUMNS, TOO_FEW } from "./aggregate-table.ts";

// XLSX export and PDF management summary of a round. Both run in the render worker (../render/worker.ts), on plain
// data only; the CSV export is in aggregate-table.ts.

/** What the XLSX export shows of the round itself. */
export type RoundForExport = { name: string; threshold: number };

export async function aggregatesXlsx(tool: Tool, round: RoundForExport, results: PerspectiveResult[]): Promise<Buffer> {
  // Loaded on the first XLSX export only: a worker that renders PDFs never pays for exceljs.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Verbetertool Jongeren & Arbeid";
  const sheet = workbook.addWorksheet("Gemiddelden per factor");
  sheet.addRow([`Meting: ${round.name}`]);
  sheet.addRow([
    `Elk getal rust op minstens ${round.threshold} antwoorden en verandert alleen in stappen van minstens ${round.threshold}; lege cellen: te weinig antwoorden. Geen losse antwoorden.`,
  ]);
  sheet.addRow([]);
  sheet.addRow(COLUMNS).font = { bold: true };
  for (const row of aggregateRows(tool, results, round.threshold)) sheet.addRow(row);
  sheet.getColumn(4).width = 60;
  sheet.getColumn(5).numFmt = "0.0";
  const counts = workbook.addWorksheet("Reacties");
  counts.addRow(["perspectief", "reacties", "wachten op de volgende stap", "getoond"]).font = { bold: true };
  for (const r of results)
    counts.addRow([PERSPECTIVE_LABELS[r.perspective], r.responses, r.waiting, r.visible ? "ja" : `nee (minder dan ${round.threshold})`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type RoundResultsForSummary = {
  round: { name: string; startedAt: Date; closedAt: Date | null };
  threshold: number;
  perspectives: PerspectiveResult[];
  largestGaps: MirrorRow[];
};

export function renderRoundSummary(
  tool: Tool,
  teamName: string,
  results: RoundResultsForSummary,
  plan: { actions: PlanActionRecord[] },
): Promise<Buffer> {
  const itemText = new Map(tool.themes.flatMap((t) => t.items.map((i) => [i.id, i.text] as const)));
  const visible = results.perspectives.filter(isVisible);
  const content: Content[] = [
    { text: `Managementsamenvatting: ${results.round.name}`, style: "title" },
    {
      text: `${teamName} — gestart op ${formatDate(results.round.startedAt)}${results.round.closedAt ? `, gesloten op ${formatDate(results.round.closedAt)}` : ""}`,
      margin: [0, 0, 0, 10],
    },
    { text: "Reacties", style: "h2" },
    pdfTable(
      ["*", "auto", "auto", "auto"],
      ["Perspectief", "Reacties", "Wachten op volgende stap", "Resultaten"],
      results.perspectives.map((r) => [
        PERSPECTIVE_LABELS[r.perspective],
        String(r.responses),
        String(r.waiting),
        r.visible ? "getoond" : `verborgen (minder dan ${results.threshold})`,
      ]),
    ),
    {
      text: `Elk getal rust op minstens ${results.threshold} antwoorden en verandert alleen in stappen van minstens ${results.threshold} nieuwe antwoorden. "Te weinig antwoorden" betekent dat er (nog) niet genoeg waren.`,
      margin: [0, 6, 0, 0],
    },
    { text: "Gemiddelde per thema", style: "h2" },
  ];
  if (visible.length === 0) {
    content.push({ text: `Nog geen perspectief heeft ${results.threshold} of meer reacties; er zijn nog geen resultaten te tonen.` });
  } else {
    content.push(
      pdfTable(
        ["*", ...visible.map(() => "auto")],
        ["Thema", ...visible.map((r) => PERSPECTIVE_LABELS[r.perspective])],
        tool.themes.map((t) => [
          `${t.id}. ${t.title}`,
          ...visible.map((r) => {
            const mean = r.themes.find((x) => x.id === t.id)?.mean ?? null;
            return mean === null ? TOO_FEW : formatScore(mean);
          }),
        ]),
      ),
    );
  }
  if (results.largestGaps.length > 0) {
    content.push({ text: "Grootste verschillen tussen perspectieven", style: "h2" });
    content.push({
      ul: results.largestGaps.map(
        (g) => `${g.id} ${itemText.get(g.id) ?? ""} — ${formatGroupMeans(g.means).join(", ")} (verschil ${formatScore(g.gap)})`,
      ),
    });
  }
  content.push({ text: "Acties uit het teamverbeterplan", style: "h2" });
  content.push(
    plan.actions.length === 0
      ? { text: "Het team heeft nog geen acties vastgelegd." }
      : pdfTable(
          ["*", "auto", "auto", "auto", "auto"],
          ["Wat", "Wie", "Wanneer", "Factor", "Status"],
          plan.actions.map((a) => [
            a.what,
            a.ownerName ?? (a.who || "—"),
            a.when ? formatDate(a.when) : "—",
            a.factorId ?? "—",
            ACTION_STATUS_LABELS[a.status],
          ]),
        ),
  );
  return renderPdf(tool.title, { info: { title: `Managementsamenvatting ${results.round.name}` }, content });
}
