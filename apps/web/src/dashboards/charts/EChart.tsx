// One ECharts instance in a div that follows its size. Only the chart types and components the
// dashboards draw are registered (echarts/core), which keeps this chunk far smaller than all of ECharts.
import { BarChart, FunnelChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  FunnelChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

export interface ChartClick {
  /** Index of the category (bar, point) or slice clicked. */
  dataIndex: number;
  seriesIndex: number;
}

export function EChart({
  option,
  onClick,
  testId,
}: {
  option: ChartOption;
  onClick?: (e: ChartClick) => void;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = echarts.init(element);
    chart.current = instance;
    instance.on("click", (params) => {
      const p = params as { dataIndex?: number; seriesIndex?: number };
      click.current?.({ dataIndex: p.dataIndex ?? 0, seriesIndex: p.seriesIndex ?? 0 });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} style={{ width: "100%", height: "100%", minHeight: 160 }} data-testid={testId} />;
}
