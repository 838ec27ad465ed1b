import { useEffect, useRef, useState } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis, type YAxisTickContentProps } from "recharts";
import type { ThemeScore } from "../../../domain/checks/scoring.ts";
import type { Theme } from "../../../domain/content/schema.ts";
import { useFormatters } from "../format.ts";
import { useTranslation } from "../i18n.ts";

const TICKS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const ROW_HEIGHT = 44;
const TEXT = "#1a1a1a";
const AXIS = "#595959";

function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

type Row = { name: string; score: number | null; label: string };

/** Theme name left of the axis; for a theme without score also "geen score" where its bar would start. */
function ThemeTick({ x, y, payload, rows }: YAxisTickContentProps & { rows: Row[] }) {
  const row = rows[payload.index];
  return (
    <g>
      <text x={Number(x) - 8} y={Number(y)} dy="0.35em" textAnchor="end" fill={TEXT} fontSize={14}>
        {row?.name}
      </text>
      {row && row.score === null && (
        <text x={Number(x) + 8} y={Number(y)} dy="0.35em" fill={TEXT} fontSize={14} fontStyle="italic">
          {row.label}
        </text>
      )}
    </g>
  );
}

/**
 * Horizontal bars of the mean per theme on the 1–10 scale. A theme without score gets no bar (not a 0) and the words
 * "geen score". The picture is one image with a name; the table next to it carries the same numbers.
 */
export function ScoreChart({ themes, scores, labelledBy }: { themes: Theme[]; scores: ThemeScore[]; labelledBy: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [ref, width] = useWidth<HTMLDivElement>();
  const wide = width >= 640;
  const rows: Row[] = themes.map((theme, index) => {
    const score = scores.find((s) => s.id === theme.id)?.score ?? null;
    return {
      name: wide ? shorten(`${index + 1}. ${theme.title}`, 40) : t("results.chartThemeShort", { number: index + 1 }),
      score,
      label: format.score(score),
    };
  });

  return (
    <div ref={ref} className="score-chart" role="img" aria-labelledby={labelledBy}>
      {width > 0 && (
        <BarChart
          width={width}
          height={rows.length * ROW_HEIGHT + 40}
          data={rows}
          layout="vertical"
          margin={{ top: 4, right: 48, bottom: 4, left: 0 }}
          barCategoryGap={10}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} stroke="#d0d0d0" />
          <XAxis type="number" domain={[1, 10]} ticks={TICKS} allowDataOverflow tick={{ fill: TEXT, fontSize: 14 }} stroke={AXIS} />
          <YAxis
            type="category"
            dataKey="name"
            width={wide ? 320 : 76}
            tick={(props: YAxisTickContentProps) => <ThemeTick {...props} rows={rows} />}
            stroke={AXIS}
            interval={0}
          />
          <Bar dataKey="score" fill="#24578f" isAnimationActive={false}>
            <LabelList dataKey="label" position="right" fill={TEXT} fontSize={14} fontWeight={600} />
          </Bar>
        </BarChart>
      )}
    </div>
  );
}
