import "./markdown.css";
import { Heading3, Heading4, OrderedList, OrderedListItem, Paragraph, UnorderedList, UnorderedListItem } from "../utrecht.tsx";
import { parseBlocks } from "./markdown.ts";
import { TipText } from "./TipText.tsx";

/**
 * Light Markdown (paragraphs, headings, lists, **bold**, [label](url)) as React elements; the text is never parsed as
 * HTML, so submissions cannot inject markup. Headings become h3, or h4 when the text sits under an h3 already. Every
 * content text that may hold more than one line (entry bodies, tips with a list) goes through this; one-line texts
 * (factor texts, clarifications, summaries) through `TipText`, which renders the inline part only.
 */
export function Markdown({ text, headingLevel = 3, className }: { text: string; headingLevel?: 3 | 4; className?: string }) {
  const Heading = headingLevel === 3 ? Heading3 : Heading4;
  return (
    <div className={className ? `markdown ${className}` : "markdown"}>
      {parseBlocks(text).map((block, index) => {
        // Blocks of a static text never reorder: their position is their identity.
        const key = index;
        if (block.type === "heading") return <Heading key={key}>{block.text}</Heading>;
        if (block.type === "paragraph") {
          return (
            <Paragraph key={key}>
              <TipText text={block.text} />
            </Paragraph>
          );
        }
        const items = block.items.map((item, i) => {
          const Item = block.ordered ? OrderedListItem : UnorderedListItem;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: list items of a static text never reorder
            <Item key={i}>
              <TipText text={item} />
            </Item>
          );
        });
        return block.ordered ? <OrderedList key={key}>{items}</OrderedList> : <UnorderedList key={key}>{items}</UnorderedList>;
      })}
    </div>
  );
}
