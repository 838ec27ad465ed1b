/**
 * Detects copied source text: our content must be written in our own words, so no run of
 * `runLength` consecutive words may appear in both a content text and a seed document.
 * Words are compared case-insensitively, ignoring punctuation and Markdown markup.
 */
export const DEFAULT_RUN_LENGTH = 12;

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function wordRuns(text: string, runLength = DEFAULT_RUN_LENGTH): Set<string> {
  const w = words(text);
  const runs = new Set<string>();
  for (let i = 0; i + runLength <= w.length; i++) runs.add(w.slice(i, i + runLength).join(" "));
  return runs;
}

/** Returns every run of `runLength` words of `text` that also occurs in `sourceRuns`. */
export function sharedRuns(text: string, sourceRuns: Set<string>, runLength = DEFAULT_RUN_LENGTH): string[] {
  return [...wordRuns(text, runLength)].filter((run) => sourceRuns.has(run));
}
