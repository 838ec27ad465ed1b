import type { Content } from "pdfmake/interfaces";
import { ACTION_STATUS_LABELS, formatDate, formatScore } from "../../domain/checks/format.ts";
import type { IntervisieAgenda } from "../../domain/teams/agenda.ts";
import { formatGroupMeans, PERSPECTIVE_LABELS, type Perspective } from "../../domain/teams/perspectives.ts";
import { pdfTable, renderPdf } from "../pdf.ts";

// The intervisie agenda as one A4 page; runs in the render worker (../render/worker.ts) on plain data only.

export type AgendaForPdf = IntervisieAgenda & {
  toolTitle: string;
  teamName: string;
  roundName: string;
  threshold: number;
  hiddenGroups: Perspective[];
};

export function renderAgenda(agenda: AgendaForPdf): Promise<Buffer> {
  const content: Content[] = [
    { text: `Agenda intervisie: ${agenda.roundName}`, style: "title" },
    { text: `${agenda.teamName} — gemaakt op ${formatDate(agenda.today)}`, margin: [0, 0, 0, 6] },
    {
      text: `Alleen groepscijfers die op minstens ${agenda.threshold} antwoorden rusten.${
        agenda.hiddenGroups.length > 0
          ? ` Te weinig antwoorden om te tonen: ${agenda.hiddenGroups.map((p) => PERSPECTIVE_LABELS[p].toLowerCase()).join(", ")}.`
          : ""
      }`,
      fontSize: 9,
    },
    { text: "1. Laagste scores", style: "h2" },
    agenda.lowest.length === 0
      ? { text: "Nog geen scores om te bespreken." }
      : pdfTable(
          ["auto", "*", "auto", "auto"],
          ["Factor", "Omschrijving", "Groep", "Gemiddelde"],
          agenda.lowest.map((f) => [f.id, f.text, PERSPECTIVE_LABELS[f.perspective], formatScore(f.mean)]),
        ),
    { text: "2. Grootste verschillen tussen groepen", style: "h2" },
    agenda.gaps.length === 0
      ? { text: "Geen verschillen te tonen: daarvoor zijn cijfers van minstens twee groepen nodig." }
      : pdfTable(
          ["auto", "*", "auto", "auto"],
          ["Factor", "Omschrijving", "Gemiddelden", "Verschil"],
          agenda.gaps.map((g) => [g.id, g.text, formatGroupMeans(g.means).join("\n"), formatScore(g.gap)]),
        ),
    { text: `3. Acties die (bijna) verlopen (tot en met ${formatDate(agenda.dueUntil)})`, style: "h2" },
    agenda.actions.length === 0
      ? { text: "Geen acties uit het teamverbeterplan die binnenkort af moeten zijn." }
      : pdfTable(
          ["*", "auto", "auto", "auto"],
          ["Wat", "Wie", "Wanneer", "Status"],
          agenda.actions.map((a) => [
            a.what,
            a.ownerName ?? (a.who || "—"),
            `${a.when ? formatDate(a.when) : "—"}${a.overdue ? " (verlopen)" : ""}`,
            ACTION_STATUS_LABELS[a.status],
          ]),
        ),
  ];
  if (agenda.moreActions > 0)
    content.push({ text: `En nog ${agenda.moreActions} andere acties in het teamverbeterplan.`, margin: [0, 4, 0, 0] });
  content.push({ text: "Ruimte voor aantekeningen", style: "h2" });
  content.push({ text: " \n \n \n \n" });
  return renderPdf(agenda.toolTitle, { info: { title: `Agenda intervisie ${agenda.roundName}` }, content });
}
