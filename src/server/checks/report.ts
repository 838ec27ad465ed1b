import type { Content } from "pdfmake/interfaces";
import { ACTION_STATUS_LABELS, formatAnswer, formatDate, formatScore } from "../../domain/checks/format.ts";
import type { Plan } from "../../domain/checks/plan.ts";
import type { FactorTips, Results, TipGroup } from "../../domain/checks/scoring.ts";
import type { Tool } from "../../domain/content/schema.ts";
import { pdfTable, plainPdfText, renderPdf } from "../pdf.ts";

const GROUP_TITLES: Record<TipGroup, string> = {
  aandachtspunt: "Aandachtspunten (score 5 of lager)",
  overig: "Overige factoren",
  onbeantwoord: "Nog niet ingevuld",
  nvt: "Bewust niet toegepast (n.v.t.)",
};

function reportContent(tool: Tool, results: Results, plan: Plan, updatedAt: Date): Content[] {
  const themeTitle = new Map(tool.themes.map((t) => [t.id, t.title]));
  const itemText = new Map(tool.themes.flatMap((t) => t.items.map((i) => [i.id, i.text] as const)));
  const content: Content[] = [
    { text: tool.title, style: "title" },
    { text: `Rapport van je check, bijgewerkt op ${formatDate(updatedAt)}`, margin: [0, 0, 0, 12] },
    { text: `Gemiddelde score over alle beantwoorde factoren: ${formatScore(results.overall)}`, bold: true, margin: [0, 0, 0, 8] },
    { text: "Scores per thema", style: "h2" },
    pdfTable(
      ["*", "auto", "auto", "auto", "auto"],
      ["Thema", "Score", "Beantwoord", "N.v.t.", "Open"],
      results.themes.map((t) => [
        `${t.id}. ${themeTitle.get(t.id)}`,
        formatScore(t.score),
        String(t.answered),
        String(t.notApplicable),
        String(t.unanswered),
      ]),
    ),
    { text: "Scores per factor", style: "h2" },
    pdfTable(
      ["auto", "*", "auto"],
      ["Nr.", "Succesfactor", "Antwoord"],
      results.items.map((i) => [i.id, itemText.get(i.id) ?? "", formatAnswer(i.value)]),
    ),
  ];
  // The report leads with what to act on: the aandachtspunten with their tips, then the plan; every other factor's
  // tips follow in an appendix, so the plan is not buried under pages of tips (issue 16).
  const aandachtspunten = results.tips.filter((entry) => entry.group === "aandachtspunt");
  content.push({ text: GROUP_TITLES.aandachtspunt, style: "h2", pageBreak: "before" });
  if (aandachtspunten.length === 0) content.push({ text: "Je hebt geen factor met een 5 of lager gescoord." });
  for (const entry of aandachtspunten) content.push(...factorTips(entry));
  content.push(...planContent(tool, plan));
  const rest = results.tips.filter((entry) => entry.group !== "aandachtspunt");
  if (rest.length > 0) {
    content.push({ text: "Bijlage: overige verbetertips", style: "h2", pageBreak: "before" });
    let group: TipGroup | undefined;
    for (const entry of rest) {
      if (entry.group !== group) {
        group = entry.group;
        content.push({ text: GROUP_TITLES[group], style: "h3" });
      }
      content.push(...factorTips(entry));
    }
  }
  return content;
}

function factorTips(entry: FactorTips): Content[] {
  return [
    { text: `${entry.itemId} ${entry.text} — ${formatAnswer(entry.value)}`, bold: true, margin: [0, 6, 0, 2] },
    {
      ul: entry.tips.map((tip) => ({ text: [{ text: `${tip.title}. `, bold: true }, plainPdfText(tip.text)] })),
      margin: [0, 0, 0, 4],
    },
  ];
}

function planContent(tool: Tool, plan: Plan): Content[] {
  const content: Content[] = [{ text: "Verbeterplan", style: "h2", pageBreak: "before" }];
  let planned = false;
  for (const theme of tool.themes) {
    const text = plan.themes[theme.id]?.trim();
    const actions = plan.actions.filter((a) => a.themeId === theme.id);
    if (!text && actions.length === 0) continue;
    planned = true;
    content.push({ text: `${theme.id}. ${theme.title}`, style: "h3" });
    if (text) content.push({ text, margin: [0, 0, 0, 6] });
    if (actions.length > 0) {
      content.push(
        pdfTable(
          ["*", "auto", "auto", "auto", "auto"],
          ["Wat", "Wie", "Wanneer", "Factor", "Status"],
          actions.map((a) => [a.what, a.who || "—", a.when ? formatDate(a.when) : "—", a.factorId ?? "—", ACTION_STATUS_LABELS[a.status]]),
          { margin: [0, 0, 0, 8] },
        ),
      );
    }
  }
  if (!planned) content.push({ text: "Je hebt nog geen verbeterplan gemaakt." });
  return content;
}

export function renderCheckReport(tool: Tool, results: Results, plan: Plan, updatedAt: Date): Promise<Buffer> {
  return renderPdf(tool.title, {
    info: { title: `${tool.title} — rapport`, subject: "Scores, verbetertips en verbeterplan" },
    content: reportContent(tool, results, plan, updatedAt),
  });
}
