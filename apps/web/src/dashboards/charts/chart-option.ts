// ECharts options from aggregate rows (`g0`, `g1` keys, `m0..` measures), pure so they can be tested.
// Categories keep the server's order; a second dimension becomes one series per value (stacked bars).
import type { Widget } from "@formwork/schema";
import type { ChartOption } from "./EChart";

export type Key = string | number | boolean | null;
export type Row = Record<string, Key>;

export interface ChartData {
  option: ChartOption;
  /** The group key behind each clickable data index (categories, or slices). */
  keys: Key[];
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export function chartData(
  widget: Widget,
  rows: Row[],
  label: (dim: number, key: Key) => string,
  measureLabel: (i: number) => string,
  /** The first dimension's own order (a select's options: a pipeline's stages): a funnel follows it
   *  instead of sorting by value; other charts keep the server's order. */
  optionOrder?: readonly unknown[],
): ChartData {
  if (optionOrder && widget.kind === "funnel") {
    const rank = (key: Key) => {
      const i = optionOrder.indexOf(key);
      return i === -1 ? optionOrder.length : i;
    };
    rows = [...rows].sort((a, b) => rank(a.g0 ?? null) - rank(b.g0 ?? null));
  }
  const twoDims = (widget.dimensions?.length ?? 0) === 2;
  const keys = [...new Map(rows.map((r) => [JSON.stringify(r.g0), r.g0 ?? null])).values()];
  const categories = keys.map((k) => label(0, k));
  if (widget.kind === "pie" || widget.kind === "funnel") {
    const data = rows.map((r) => ({ name: label(0, r.g0 ?? null), value: num(r.m0) }));
    const series =
      widget.kind === "pie"
        ? { type: "pie", radius: widget.donut ? ["45%", "70%"] : "70%", data }
        : {
            type: "funnel",
            data,
            sort: optionOrder ? "none" : "descending",
            // ECharts' default 60 px above and below left a card-sized funnel a sliver; the legend
            // takes the bottom, labels the right.
            top: 12,
            bottom: 36,
            left: "5%",
            width: "68%",
            minSize: "6%",
            gap: 2,
            label: { position: "right" },
          };
    return {
      keys: rows.map((r) => r.g0 ?? null),
      option: { tooltip: { trigger: "item" }, legend: { type: "scroll", bottom: 0 }, series: [series] },
    };
  }
  const type = widget.kind === "line" ? "line" : "bar";
  // A gentle, monotone curve: `smooth: true` swung below zero between a low month and a peak.
  const extra =
    widget.kind === "line"
      ? { smooth: 0.3, smoothMonotone: "x", ...(widget.area ? { areaStyle: {} } : {}) }
      : {};
  let series: object[];
  if (twoDims) {
    const seconds = [...new Map(rows.map((r) => [JSON.stringify(r.g1), r.g1 ?? null])).values()];
    series = seconds.map((second) => ({
      type,
      name: label(1, second),
      ...(widget.stacked ? { stack: "all" } : {}),
      ...extra,
      data: keys.map((k) => num(rows.find((r) => r.g0 === k && r.g1 === second)?.m0)),
    }));
  } else {
    series = (widget.measures ?? []).map((_, i) => ({
      type,
      name: measureLabel(i),
      ...(widget.stacked ? { stack: "all" } : {}),
      ...extra,
      data: keys.map((k) => num(rows.find((r) => r.g0 === k)?.[`m${i}`])),
    }));
  }
  const category = { type: "category", data: categories };
  const value = { type: "value" };
  return {
    keys,
    option: {
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: widget.horizontal ? value : category,
      yAxis: widget.horizontal ? category : value,
      series,
    },
  };
}
