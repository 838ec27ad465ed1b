/** Inline Markdown-light of the tip texts: only **bold** and [label](url). Everything else stays plain text. */
export type InlineNode =
  | { type: "text"; text: string }
  | { type: "strong"; children: InlineNode[] }
  | { type: "link"; href: string; label: string };

const PATTERN = /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)/g;

/**
 * Only web and mail addresses and paths on this site (`/werkwijze#fase-vooraf`, not `//host`) become links; anything
 * else (javascript:, data:) is shown as text.
 */
export function isSafeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:|\/(?![/\\]))/i.test(href);
}

export function parseInline(text: string, allowBold = true): InlineNode[] {
  const nodes: InlineNode[] = [];
  let last = 0;
  const pushText = (value: string) => {
    if (!value) return;
    const previous = nodes.at(-1);
    if (previous?.type === "text") previous.text += value;
    else nodes.push({ type: "text", text: value });
  };
  for (const match of text.matchAll(PATTERN)) {
    const [whole, bold, label, href] = match;
    pushText(text.slice(last, match.index));
    if (bold !== undefined) {
      if (allowBold) nodes.push({ type: "strong", children: parseInline(bold, false) });
      else pushText(whole);
    } else if (label !== undefined && href !== undefined) {
      if (isSafeHref(href)) nodes.push({ type: "link", href, label });
      else pushText(label);
    }
    last = match.index + whole.length;
  }
  pushText(text.slice(last));
  return nodes;
}

/** Block Markdown-light of kennisbank texts: paragraphs, "### " headings and "- " / "1. " lists; never HTML. */
export type Block =
  | { type: "heading"; text: string }
  | { type: "paragraph"; text: string }
  | { type: "list"; ordered: boolean; items: string[] };

const HEADING = /^#{1,6}\s+(.*)$/;
const BULLET = /^[-*]\s+(.*)$/;
const NUMBERED = /^\d+[.)]\s+(.*)$/;

/** Splits a text into blocks; inline markup inside each block is left for parseInline. */
export function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: "paragraph", text: paragraph.join(" ") });
    if (list) blocks.push({ type: "list", ...list });
    paragraph = [];
    list = null;
  };
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (line === "") {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ type: "heading", text: heading[1] ?? "" });
    } else if (bullet || numbered) {
      const ordered = Boolean(numbered);
      if (!list || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push((bullet ?? numbered)?.[1] ?? "");
    } else if (list && /^\s/.test(raw)) {
      // An indented line continues the list item above it.
      const last = list.items.length - 1;
      list.items[last] = `${list.items[last]} ${line}`;
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
