import { createRequire } from "node:module";
import { dirname } from "node:path";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { formatAnswer, formatDate, formatScore } from "../../domain/checks/format.ts";
import type { Plan } from "../../domain/checks/plan.ts";
import type { Results, TipGroup } from "../../domain/checks/scoring.ts";
import type { Tool } from "../../domain/content/schema.ts";

const require = createRequire(import.meta.url);
// pdfmake 0.3 ships CommonJS only; its server build renders with the bundled Roboto fonts (full Latin-1 + €, ë, é).
const pdfmake = require("pdfmake") as {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};
const fonts = require("pdfmake/fonts/Roboto.js") as { Roboto: Record<string, string> };
const fontsDir = dirname(fonts.Roboto.normal ?? "");
pdfmake.setFonts(fonts);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontsDir));

const GROUP_TITLES: Record<TipGroup, string> = {
  aandachtspunt: "Aandachtspunten (score 5 of lager)",
  overig: "Overige factoren",
  onbeantwoord: "Nog niet ingevuld",
  nvt: "Bewust niet toegepast (n.v.t.)",
};

/** Strips our light Markdown (**bold**, [label](url)) for plain PDF text. */
function plain(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, "$1").replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1 ($2)");
}

const STATUS_LABEL = { open: "Open", bezig: "Bezig", klaar: "Klaar" } as const;

export function reportDefinition(tool: Tool, results: Results, plan: Plan, updatedAt: Date): TDocumentDefinitions {
  const themeTitle = new Map(tool.themes.map((t) => [t.id, t.title]));
  const itemText = new Map(tool.themes.flatMap((t) => t.items.map((i) => [i.id, i.text] as const)));
  const content: Content[] = [
    { text: tool.title, style: "title" },
    { text: `Rapport van je check, bijgewerkt op ${formatDate(updatedAt)}`, margin: [0, 0, 0, 12] },
    { text: `Gemiddelde score over alle beantwoorde factoren: ${formatScore(results.overall)}`, bold: true, margin: [0, 0, 0, 8] },
    { text: "Scores per thema", style: "h2" },
    {
      table: {
        headerRows: 1,
        widths: ["*", "auto", "auto", "auto", "auto"],
        body: [
          ["Thema", "Score", "Beantwoord", "N.v.t.", "Open"].map((h) => ({ text: h, bold: true })),
          ...results.themes.map((t) => [
            `${t.id}. ${themeTitle.get(t.id)}`,
            formatScore(t.score),
            String(t.answered),
            String(t.notApplicable),
            String(t.unanswered),
          ]),
        ],
      },
      layout: "lightHorizontalLines",
    },
    { text: "Scores per factor", style: "h2" },
    {
      table: {
        headerRows: 1,
        widths: ["auto", "*", "auto"],
        body: [
          ["Nr.", "Succesfactor", "Antwoord"].map((h) => ({ text: h, bold: true })),
          ...results.items.map((i) => [i.id, itemText.get(i.id) ?? "", formatAnswer(i.value)]),
        ],
      },
      layout: "lightHorizontalLines",
    },
    { text: "Verbetertips, laagste scores eerst", style: "h2", pageBreak: "before" },
  ];
  let group: TipGroup | undefined;
  for (const entry of results.tips) {
    if (entry.group !== group) {
      group = entry.group;
      content.push({ text: GROUP_TITLES[group], style: "h3" });
    }
    content.push({ text: `${entry.itemId} ${entry.text} — ${formatAnswer(entry.value)}`, bold: true, margin: [0, 6, 0, 2] });
    content.push({
      ul: entry.tips.map((tip) => ({ text: [{ text: `${tip.title}. `, bold: true }, plain(tip.text)] })),
      margin: [0, 0, 0, 4],
    });
  }
  content.push({ text: "Verbeterplan", style: "h2", pageBreak: "before" });
  let planned = false;
  for (const theme of tool.themes) {
    const text = plan.themes[theme.id]?.trim();
    const actions = plan.actions.filter((a) => a.themeId === theme.id);
    if (!text && actions.length === 0) continue;
    planned = true;
    content.push({ text: `${theme.id}. ${theme.title}`, style: "h3" });
    if (text) content.push({ text, margin: [0, 0, 0, 6] });
    if (actions.length > 0) {
      content.push({
        table: {
          headerRows: 1,
          widths: ["*", "auto", "auto", "auto", "auto"],
          body: [
            ["Wat", "Wie", "Wanneer", "Factor", "Status"].map((h) => ({ text: h, bold: true })),
            ...actions.map((a) => [a.what, a.who || "—", a.when ? formatDate(a.when) : "—", a.factorId ?? "—", STATUS_LABEL[a.status]]),
          ],
        },
        layout: "lightHorizontalLines",
        margin: [0, 0, 0, 8],
      });
    }
  }
  if (!planned) content.push({ text: "Je hebt nog geen verbeterplan gemaakt." });
  return {
    info: { title: `${tool.title} — rapport`, subject: "Scores, verbetertips en verbeterplan" },
    pageSize: "A4",
    pageMargins: [48, 56, 48, 56],
    language: "nl-NL",
    content,
    footer: (page: number, pages: number) => ({
      text: `${tool.title} — pagina ${page} van ${pages}`,
      alignment: "center",
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 15, bold: true, margin: [0, 14, 0, 6] },
      h3: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
    },
  };
}

export function renderCheckReport(tool: Tool, results: Results, plan: Plan, updatedAt: Date): Promise<Buffer> {
  return pdfmake.createPdf(reportDefinition(tool, results, plan, updatedAt)).getBuffer();
}
