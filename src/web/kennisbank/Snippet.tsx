import { Fragment } from "react";
import { snippetParts } from "./snippet.ts";

/** A search snippet with the matched words in <mark>; rendered as text, never as HTML. */
export function Snippet({ html }: { html: string }) {
  return (
    <>
      {snippetParts(html).map((part, index) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: parts of one snippet never reorder
        part.marked ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </>
  );
}
