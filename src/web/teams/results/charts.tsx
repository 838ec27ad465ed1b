import { useEffect, useRef, useState } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, XAxis, YAxis } from "recharts";
import { PERSPECTIVE_COLORS, type Perspective, useTeamFormat } from "../../app/format.ts";

const TICKS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const TEXT = "#1a1a1a";
const AXIS = "#595959";
/** Besides colour, each perspective has its own fill pattern and line style (WCAG 1.4.1). */
const DASH: Record<Perspective, string | undefined> = { professional: undefined, youth: "8 4", employer: "2 3", ketenpartner: "12 3 2 3" };
const MARKER: Record<Perspective, "circle" | "square" | "triangle" | "diamond"> = {
  professional: "circle",
  youth: "square",
  employer: "triangle",
  ketenpartner: "diamond",
};

function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/** Four names do not fit on one line on a phone: the legend then gets room for two lines. */
const legendHeight = (width: number, count: number) => (count > 2 && width < 520 ? 60 : 36);

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export type BarRow = { name: string; shortName: string; values: Partial<Record<Perspective, number | null>> };

function Patterns({ idPrefix }: { idPrefix: string }) {
  return (
    <defs>
      <pattern id={`${idPrefix}-youth`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill={PERSPECTIVE_COLORS.youth} />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2" />
      </pattern>
      <pattern id={`${idPrefix}-employer`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={PERSPECTIVE_COLORS.employer} />
        <circle cx="3" cy="3" r="1.2" fill="#fff" />
      </pattern>
      <pattern id={`${idPrefix}-ketenpartner`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={PERSPECTIVE_COLORS.ketenpartner} />
        <line x1="0" y1="3" x2="6" y2="3" stroke="#fff" strokeWidth="1.5" />
        <line x1="3" y1="0" x2="3" y2="6" stroke="#fff" strokeWidth="1.5" />
      </pattern>
    </defs>
  );
}

const fillOf = (idPrefix: string, p: Perspective) => (p === "professional" ? PERSPECTIVE_COLORS.professional : `url(#${idPrefix}-${p})`);

/**
 * Horizontal bars on the 1–10 scale, one bar per perspective for each row (theme). One image with a name: the table
 * next to it carries the same numbers. A row without a mean has no bar (not a 0).
 */
export function PerspectiveBarChart({
  rows,
  perspectives,
  labelledBy,
  idPrefix,
}: {
  rows: BarRow[];
  perspectives: Perspective[];
  labelledBy: string;
  idPrefix: string;
}) {
  const format = useTeamFormat();
  const [ref, width] = useWidth<HTMLDivElement>();
  const wide = width >= 640;
  const data = rows.map((row) => ({
    name: wide ? shorten(row.name, 40) : row.shortName,
    ...Object.fromEntries(perspectives.map((p) => [p, row.values[p] ?? null])),
    ...Object.fromEntries(perspectives.map((p) => [`${p}-label`, row.values[p] == null ? "" : format.score(row.values[p])])),
  }));
  const rowHeight = perspectives.length === 1 ? 44 : 20 * perspectives.length + 20;
  const legend = legendHeight(width, perspectives.length);
  return (
    <div ref={ref} className="team-chart" role="img" aria-labelledby={labelledBy}>
      {width > 0 && (
        <BarChart
          width={width}
          height={rows.length * rowHeight + (perspectives.length > 1 ? 40 + legend : 40)}
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 48, bottom: 4, left: 0 }}
          barCategoryGap={8}
          barGap={2}
          accessibilityLayer={false}
        >
          <Patterns idPrefix={idPrefix} />
          <CartesianGrid horizontal={false} stroke="#d0d0d0" />
          <XAxis type="number" domain={[1, 10]} ticks={TICKS} allowDataOverflow tick={{ fill: TEXT, fontSize: 14 }} stroke={AXIS} />
          <YAxis type="category" dataKey="name" width={wide ? 320 : 76} tick={{ fill: TEXT, fontSize: 14 }} stroke={AXIS} interval={0} />
          {perspectives.length > 1 && (
            <Legend
              verticalAlign="top"
              height={legend}
              wrapperStyle={{ color: TEXT, fontSize: 14 }}
              iconType="square"
              itemSorter={null}
              formatter={(value) => <span style={{ color: TEXT }}>{value}</span>}
            />
          )}
          {perspectives.map((p) => (
            <Bar
              key={p}
              dataKey={p}
              name={format.perspective(p)}
              fill={fillOf(idPrefix, p)}
              stroke={PERSPECTIVE_COLORS[p]}
              isAnimationActive={false}
            >
              <LabelList dataKey={`${p}-label`} position="right" fill={TEXT} fontSize={13} fontWeight={600} />
            </Bar>
          ))}
        </BarChart>
      )}
    </div>
  );
}

export type TrendRow = { name: string } & Partial<Record<Perspective, number | null>>;

const TREND_MARGIN = { top: 8, right: 16, bottom: 8, left: 0 };
const TREND_Y_AXIS = 32;
const TICK_FONT = 13;
const TICK_LINE = 16;

/** Text width in the chart's font (a canvas measures it); a rough estimate where there is no canvas. */
let measuring: CanvasRenderingContext2D | null | undefined;
function textWidth(text: string, font: string): number {
  measuring ??= typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
  if (!measuring) return text.length * TICK_FONT * 0.6;
  measuring.font = font;
  return measuring.measureText(text).width;
}

/**
 * Words over lines no wider than `maxWidth`; a word wider than a line is broken over lines itself. Nothing is cut off
 * or shortened: every character is on some line.
 */
export function wrapWords(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > 1 && measure(rest) > maxWidth) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut)) > maxWidth) cut--;
      if (line) lines.push(line);
      line = "";
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    const joined = line ? `${line} ${rest}` : rest;
    if (line && measure(joined) > maxWidth) {
      lines.push(line);
      line = rest;
    } else line = joined;
  }
  if (line) lines.push(line);
  return lines;
}

/** A round's name under its point, in the lines made for its slot (never wider, so never clipped or overlapping). */
function RoundTick({
  x = 0,
  y = 0,
  payload,
  lines,
}: {
  x?: number;
  y?: number;
  payload?: { value?: unknown };
  lines: Map<string, string[]>;
}) {
  const name = String(payload?.value ?? "");
  return (
    <text x={x} y={y + 4} fill={TEXT} fontSize={TICK_FONT} textAnchor="middle">
      {(lines.get(name) ?? [name]).map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one name, in order
        <tspan key={index} x={x} dy={index === 0 ? "0.9em" : TICK_LINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * The mean of a theme per round (oldest first), one line per perspective with its own dash and marker. Each round has a
 * slot of equal width with its point in the middle, and its name wraps within that slot: at any width every name is
 * shown whole, none cut off at the edges or overlapping its neighbour (the table under the chart has the same names).
 */
export function TrendChart({ rows, perspectives, labelledBy }: { rows: TrendRow[]; perspectives: Perspective[]; labelledBy: string }) {
  const format = useTeamFormat();
  const [ref, width] = useWidth<HTMLDivElement>();
  const plotWidth = Math.max(0, width - TREND_MARGIN.left - TREND_MARGIN.right - TREND_Y_AXIS);
  const slot = rows.length > 0 ? plotWidth / rows.length : plotWidth;
  const font = `${TICK_FONT}px ${ref.current ? getComputedStyle(ref.current).fontFamily : "sans-serif"}`;
  // A little room between neighbours.
  const lines = new Map(rows.map((row) => [row.name, wrapWords(row.name, Math.max(24, slot - 8), (text) => textWidth(text, font))]));
  const lineCount = Math.max(1, ...[...lines.values()].map((l) => l.length));
  const axisHeight = lineCount * TICK_LINE + 12;
  const legend = legendHeight(width, perspectives.length);
  return (
    <div ref={ref} className="team-chart" role="img" aria-labelledby={labelledBy}>
      {width > 0 && (
        <LineChart width={width} height={200 + axisHeight + legend} data={rows} margin={TREND_MARGIN} accessibilityLayer={false}>
          <CartesianGrid stroke="#d0d0d0" />
          <XAxis
            dataKey="name"
            tick={<RoundTick lines={lines} />}
            height={axisHeight}
            stroke={AXIS}
            interval={0}
            padding={{ left: slot / 2, right: slot / 2 }}
          />
          <YAxis
            domain={[1, 10]}
            ticks={TICKS}
            interval={0}
            tick={{ fill: TEXT, fontSize: TICK_FONT }}
            stroke={AXIS}
            width={TREND_Y_AXIS}
          />
          <Legend
            verticalAlign="top"
            height={legend}
            wrapperStyle={{ color: TEXT, fontSize: 14 }}
            itemSorter={null}
            formatter={(value) => <span style={{ color: TEXT }}>{value}</span>}
          />
          {perspectives.map((p) => (
            <Line
              key={p}
              type="linear"
              dataKey={p}
              name={format.perspective(p)}
              stroke={PERSPECTIVE_COLORS[p]}
              strokeWidth={3}
              strokeDasharray={DASH[p]}
              dot={{ r: 5, fill: PERSPECTIVE_COLORS[p] }}
              legendType={MARKER[p]}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      )}
    </div>
  );
}

/**
 * A factor's distribution of 1–10 as ten small columns with the counts; the text alternative says the same. A hidden
 * distribution (null: too few scores) is a marker with its own text alternative, never ten empty columns.
 */
export function DistributionBars({ distribution, label }: { distribution: number[] | null; label: string }) {
  if (distribution === null) {
    return (
      <span className="distribution distribution--hidden" role="img" aria-label={label}>
        <span aria-hidden="true">⊘</span>
      </span>
    );
  }
  const max = Math.max(1, ...distribution);
  return (
    <span className="distribution" role="img" aria-label={label}>
      {distribution.map((count, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the ten scores are fixed positions
        <span key={index} className="distribution__col" aria-hidden="true">
          <span className="distribution__count">{count > 0 ? count : ""}</span>
          <span className="distribution__track">
            <span className="distribution__bar" style={{ blockSize: `${(count / max) * 100}%` }} />
          </span>
          <span className="distribution__score">{index + 1}</span>
        </span>
      ))}
    </span>
  );
}
