import { createRequire } from "node:module";
import { dirname } from "node:path";
import type { ContentTable, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";

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
// Documents never fetch anything: no URLs, and only the bundled fonts from disk.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontsDir));

/** A4 documents in the house style: title/h2/h3 styles, page numbers in the footer. */
export function renderPdf(
  title: string,
  doc: Omit<TDocumentDefinitions, "pageSize" | "styles" | "defaultStyle" | "footer">,
): Promise<Buffer> {
  return pdfmake
    .createPdf({
      pageSize: "A4",
      pageMargins: [48, 56, 48, 56],
      language: "nl-NL",
      ...doc,
      footer: (page: number, pages: number) => ({
        text: `${title} — pagina ${page} van ${pages}`,
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
    })
    .getBuffer();
}

/** Strips our light Markdown (**bold**, [label](url)) for plain PDF text. */
export function plainPdfText(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, "$1").replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1 ($2)");
}

const headerRow = (...labels: string[]) => labels.map((text) => ({ text, bold: true }));

/** A table in the house style: a bold header row, light lines between rows. */
export function pdfTable(
  widths: string[],
  header: string[],
  rows: TableCell[][],
  extra: Omit<ContentTable, "table" | "layout"> = {},
): ContentTable {
  return { table: { headerRows: 1, widths, body: [headerRow(...header), ...rows] }, layout: "lightHorizontalLines", ...extra };
}
