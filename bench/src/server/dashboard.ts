// Benchmark 5 (issue 8): a six-widget dashboard over the 1M-record table. Each widget's query through
// POST /api/forms/:form/aggregate (HTTP, JSON, permissions, the db's SQL) against the same GROUP BY
// written by hand and run on a plain pg pool, interleaved; then the whole dashboard as the browser asks
// for it (six requests at once) and its p95.

import type { SqlRunner } from "./grid";
import type { Session } from "./setup-client";
import { type LatencySummary, summarize } from "./stats";

const WARMUP = 3;

interface Widget {
  name: string;
  body: Record<string, unknown>;
  /** The hand-written statement; `$T` is the table. */
  sql: string;
  params?: unknown[];
}

/** The six widgets of a sales dashboard; `zone` is the app's time zone. */
export function dashboardWidgets(zone: string): Widget[] {
  const local = (day: string) => `('${day}'::date::timestamp AT TIME ZONE '${zone}')`;
  return [
    {
      name: "KPI: sum of amount, 14 days vs the 14 before",
      body: {
        measures: [{ op: "sum", field: "amount" }],
        compare: { field: "due", from: "2026-04-15", to: "2026-04-28" },
      },
      sql: `SELECT sum(f_amount) FILTER (WHERE f_due >= ${local("2026-04-15")}) AS m0,
              sum(f_amount) FILTER (WHERE f_due < ${local("2026-04-15")}) AS p0
            FROM $T WHERE deleted_at IS NULL AND f_due >= ${local("2026-04-01")} AND f_due < ${local("2026-04-29")}`,
    },
    {
      name: "stacked bar: count by region × status",
      body: { groupBy: [{ field: "region" }, { field: "status" }], measures: [{ op: "count" }] },
      sql: `SELECT f_region AS g0, f_status AS g1, count(*)::int AS m0 FROM $T WHERE deleted_at IS NULL
            GROUP BY 1, 2 ORDER BY 1, 2`,
    },
    {
      name: "line: sum of amount by day (Asia/Shanghai)",
      body: { groupBy: [{ field: "due", bucket: "day" }], measures: [{ op: "sum", field: "amount" }] },
      sql: `SELECT to_char(date_trunc('day', f_due AT TIME ZONE '${zone}'), 'YYYY-MM-DD') AS g0, sum(f_amount) AS m0
            FROM $T WHERE deleted_at IS NULL GROUP BY 1 ORDER BY 1`,
    },
    {
      name: "pie: count by channel",
      body: { groupBy: [{ field: "channel" }], measures: [{ op: "count" }] },
      sql: `SELECT f_channel AS g0, count(*)::int AS m0 FROM $T WHERE deleted_at IS NULL GROUP BY 1 ORDER BY 1`,
    },
    {
      name: "pivot: sum and avg of amount, region × priority with totals",
      body: {
        groupBy: [{ field: "region" }, { field: "priority" }],
        measures: [
          { op: "sum", field: "amount" },
          { op: "avg", field: "amount" },
        ],
        totals: true,
      },
      sql: `SELECT f_region AS g0, f_priority AS g1, sum(f_amount) AS m0, avg(f_amount) AS m1
            FROM $T WHERE deleted_at IS NULL GROUP BY CUBE(f_region, f_priority)`,
    },
    {
      name: "ranking: top 10 cities by amount",
      body: {
        groupBy: [{ field: "city" }],
        measures: [{ op: "sum", field: "amount" }],
        sort: [{ by: "m0", direction: "desc" }],
        limit: 10,
      },
      sql: `SELECT f_city AS g0, sum(f_amount) AS m0 FROM $T WHERE deleted_at IS NULL
            GROUP BY 1 ORDER BY 2 DESC NULLS LAST LIMIT 10`,
    },
  ];
}

/** Rows as comparable text: keys g/m/p only, numbers rounded, order-independent (the pivot's is free). */
function canonical(rows: Record<string, unknown>[]): string {
  return rows
    .map((row) =>
      Object.keys(row)
        .filter((k) => /^[gmp]\d$/.test(k))
        .sort()
        .map((k) => {
          const v = row[k];
          const n =
            typeof v === "number" || (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) ? Number(v) : null;
          return `${k}=${n === null ? String(v) : n.toFixed(4)}`;
        })
        .join(","),
    )
    .sort()
    .join("\n");
}

export interface DashboardPaths {
  session: Session;
  formId: string;
  /** The form's key, as a dashboard names it. */
  formKey: string;
  table: string;
  run: SqlRunner;
  zone: string;
}

export interface WidgetResult {
  name: string;
  ours: LatencySummary;
  hand: LatencySummary;
}

export interface DashboardResult {
  widgets: WidgetResult[];
  whole: LatencySummary;
  handWhole: LatencySummary;
}

async function viaHttp(paths: DashboardPaths, widget: Widget): Promise<Record<string, unknown>[]> {
  const response = await paths.session.call({
    method: "POST",
    path: `/api/forms/${paths.formId}/aggregate`,
    body: JSON.stringify({ ...widget.body, timeZone: paths.zone }),
  });
  if (response.status !== 200)
    throw new Error(`${widget.name}: ${response.status} ${response.body.slice(0, 300)}`);
  return (JSON.parse(response.body) as { rows: Record<string, unknown>[] }).rows;
}

const viaSql = (paths: DashboardPaths, widget: Widget) =>
  paths.run(widget.sql.replaceAll("$T", `"${paths.table}"`), widget.params);

/** The same six widgets as a saved dashboard (saving it builds the rollups its widgets can read). */
const SAVED_WIDGETS = [
  { kind: "kpi", measures: [{ op: "sum", field: "amount" }], compareField: "due" },
  { kind: "bar", dimensions: [{ field: "region" }, { field: "status" }], measures: [{ op: "count" }] },
  { kind: "line", dimensions: [{ field: "due", bucket: "day" }], measures: [{ op: "sum", field: "amount" }] },
  { kind: "pie", dimensions: [{ field: "channel" }], measures: [{ op: "count" }] },
  {
    kind: "pivot",
    dimensions: [{ field: "region" }, { field: "priority" }],
    measures: [
      { op: "sum", field: "amount" },
      { op: "avg", field: "amount" },
    ],
  },
  { kind: "ranking", dimensions: [{ field: "city" }], measures: [{ op: "sum", field: "amount" }], limit: 10 },
];

/** Saves the dashboard in the form's app; answers how long the save (with its rollup builds) took. */
export async function saveDashboard(paths: DashboardPaths): Promise<number> {
  const [row] = await paths.run("SELECT app_id FROM forms WHERE id = $1", [paths.formId]);
  const widgets = SAVED_WIDGETS.map((w, i) => ({
    id: `w${i}`,
    title: `W${i}`,
    form: paths.formKey,
    layout: { x: (i % 2) * 6, y: Math.floor(i / 2) * 4, w: 6, h: 4 },
    ...w,
  }));
  const started = performance.now();
  const response = await paths.session.call({
    method: "POST",
    path: `/api/apps/${(row as { app_id: string }).app_id}/dashboards`,
    body: JSON.stringify({ title: "Sales", widgets }),
  });
  if (response.status !== 201)
    throw new Error(`save dashboard: ${response.status} ${response.body.slice(0, 300)}`);
  return performance.now() - started;
}

/**
 * Checks that both paths answer the same rows for every widget, then times `iterations` rounds: each
 * widget alone through both paths in rotating order, then the whole dashboard (six at once) both ways.
 */
export async function compareDashboard(paths: DashboardPaths, iterations: number): Promise<DashboardResult> {
  const widgets = dashboardWidgets(paths.zone);
  for (const widget of widgets) {
    const [ours, hand] = await Promise.all([viaHttp(paths, widget), viaSql(paths, widget)]);
    if (canonical(ours) !== canonical(hand)) {
      throw new Error(
        `${widget.name}: the API and the hand-written SQL disagree\n${canonical(ours)}\n---\n${canonical(hand)}`,
      );
    }
  }
  const ours = widgets.map(() => [] as number[]);
  const hand = widgets.map(() => [] as number[]);
  const whole: number[] = [];
  const handWhole: number[] = [];
  const time = async (work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  for (let i = -WARMUP; i < iterations; i++) {
    for (const [w, widget] of widgets.entries()) {
      const first = (i + w) % 2 === 0;
      const a = await time(() => (first ? viaHttp(paths, widget) : viaSql(paths, widget)));
      const b = await time(() => (first ? viaSql(paths, widget) : viaHttp(paths, widget)));
      if (i < 0) continue;
      ours[w]?.push(first ? a : b);
      hand[w]?.push(first ? b : a);
    }
    const all = await time(() => Promise.all(widgets.map((widget) => viaHttp(paths, widget))));
    const allHand = await time(() => Promise.all(widgets.map((widget) => viaSql(paths, widget))));
    if (i < 0) continue;
    whole.push(all);
    handWhole.push(allHand);
  }
  return {
    widgets: widgets.map((widget, w) => ({
      name: widget.name,
      ours: summarize(ours[w] ?? []),
      hand: summarize(hand[w] ?? []),
    })),
    whole: summarize(whole),
    handWhole: summarize(handWhole),
  };
}
