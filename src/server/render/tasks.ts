import type { Plan } from "../../domain/checks/plan.ts";
import type { Results } from "../../domain/checks/scoring.ts";
import type { Tool } from "../../domain/content/schema.ts";
import type { PerspectiveResult } from "../../domain/teams/aggregation.ts";
import type { PlanActionRecord } from "../plans/service.ts";
import type { AgendaForPdf } from "../teams/agenda-pdf.ts";
import type { RoundForExport, RoundResultsForSummary } from "../teams/exports.ts";

/**
 * A document to make in the render worker. Only plain, structured-cloneable data (the tool's content, computed
 * results, the plan; dates stay dates): no database handles, no functions, nothing the worker would have to look up.
 */
export type RenderTask =
  | { kind: "check-report"; tool: Tool; results: Results; plan: Plan; updatedAt: Date }
  | {
      kind: "round-summary";
      tool: Tool;
      teamName: string;
      summary: RoundResultsForSummary;
      plan: { actions: PlanActionRecord[] };
    }
  | { kind: "round-xlsx"; tool: Tool; round: RoundForExport; results: PerspectiveResult[] }
  | { kind: "round-agenda"; agenda: AgendaForPdf };
