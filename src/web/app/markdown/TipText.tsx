import { Fragment, type ReactNode } from "react";
import { type InlineNode, parseInline } from "./markdown.ts";

function render(nodes: InlineNode[]): ReactNode[] {
  return nodes.map((node, index) => {
    const key = `${node.type}-${index}`;
    if (node.type === "text") return <Fragment key={key}>{node.text}</Fragment>;
    if (node.type === "strong") return <strong key={key}>{render(node.children)}</strong>;
    return (
      <a key={key} className="utrecht-link utrecht-link--html-a" href={node.href} rel="noopener noreferrer">
        {node.label}
      </a>
    );
  });
}

/**
 * A one-line content text (factor text, clarification, summary, werkwijze text) with its **bold** and [links](…) as
 * real elements; never parsed as HTML. Texts that may hold lists (tips, entry bodies) use `Markdown`.
 */
export function TipText({ text }: { text: string }) {
  return <>{render(parseInline(text))}</>;
}
