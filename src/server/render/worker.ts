// Runs inside a worker thread of the render pool (pool.ts), never on the event loop that answers requests: pdfmake
// and exceljs are synchronous CPU work (a report takes half a second), which would stall every other request.
import { renderCheckReport } from "../checks/report.ts";
import { renderAgenda } from "../teams/agenda-pdf.ts";
import { aggregatesXlsx, renderRoundSummary } from "../teams/exports.ts";
import type { RenderTask } from "./tasks.ts";

/** The document's bytes; the pool copies them back to the main thread. */
export default function render(task: RenderTask): Promise<Uint8Array> {
  switch (task.kind) {
    case "check-report":
      return renderCheckReport(task.tool, task.results, task.plan, task.updatedAt);
    case "round-summary":
      return renderRoundSummary(task.tool, task.teamName, task.summary, task.plan);
    case "round-xlsx":
      return aggregatesXlsx(task.tool, task.round, task.results);
    case "round-agenda":
      return renderAgenda(task.agenda);
  }
}
