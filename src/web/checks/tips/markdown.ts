/** Inline Markdown-light of the tip texts: only **bold** and [label](url). Everything else stays plain text. */
export type InlineNode =
  | { type: "text"; text: string }
  | { type: "strong"; children: InlineNode[] }
  | { type: "link"; href: string; label: string };

const PATTERN = /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)/g;

/** Only web and mail addresses become links; anything else (javascript:, data:) is shown as text. */
export function isSafeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href);
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
