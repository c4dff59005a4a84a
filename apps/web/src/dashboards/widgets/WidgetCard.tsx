// One widget on the dashboard: its title bar (drill-down; edit and remove in edit mode) and its body,
// drawn from one aggregate request (or the records list for a detail table).
import { DeleteOutlined, EditOutlined, TableOutlined } from "@ant-design/icons";
import type { DashboardDefinition, FormDefinition, Widget } from "@formwork/schema";
import { Button, Empty, Spin } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../common/ErrorState";
import { chartData, type Key, type Row } from "../charts/chart-option";
import { EChart } from "../charts/EChart";
import styles from "../dashboards.module.css";
import { labeller } from "../model/labels";
import {
  aggregateRequest,
  type ControlValues,
  type CrossFilter,
  crossFilterApplies,
  widgetFilter,
} from "../model/query";
import { RecordsTable } from "./DetailTable";
import { KpiCard } from "./KpiCard";
import { PivotTable } from "./PivotTable";
import { Ranking } from "./Ranking";
import { useOrgKeyNames } from "./use-org-key-names";
import { useAggregate } from "./use-widget-data";

export interface FormsIndex {
  definition(key: string): FormDefinition | undefined;
  id(key: string): string | undefined;
}

export interface WidgetCardProps {
  dashboard: DashboardDefinition;
  widget: Widget;
  forms: FormsIndex;
  controls: ControlValues;
  cross: CrossFilter | undefined;
  onCross(cross: CrossFilter): void;
  onDrill(widget: Widget, filter: unknown): void;
  editing: boolean;
  onEdit(): void;
  onRemove(): void;
}

export function WidgetCard(props: WidgetCardProps) {
  const { widget, editing, forms } = props;
  const { t, i18n } = useTranslation();
  const form = widget.form ? forms.definition(widget.form) : undefined;
  const labels = useMemo(
    () => labeller(form, forms.definition, t, i18n.language),
    [form, forms, t, i18n.language],
  );
  const filter = widgetFilter(props.dashboard, widget, forms.definition, props.controls, props.cross);
  const title =
    widget.title ||
    (widget.measures?.[0] ? labels.measure(widget.measures[0]) : t(`dashboards.kind.${widget.kind}`));
  const filtered = crossFilterApplies(props.cross, widget);
  return (
    <section
      className={`${styles.widget} ${filtered ? styles.filtered : ""}`}
      data-testid="widget"
      data-widget-id={widget.id}
      data-kind={widget.kind}
    >
      <header className={`${styles.widgetHead} ${editing ? "widget-drag" : ""}`}>
        <span className={styles.widgetTitle} title={title}>
          {title}
        </span>
        <span className={styles.widgetActions}>
          {widget.kind !== "text" && widget.form && (
            <Button
              size="small"
              type="text"
              icon={<TableOutlined />}
              aria-label={t("dashboards.drill")}
              title={t("dashboards.drill")}
              onClick={() => props.onDrill(widget, filter)}
              data-testid="widget-drill"
            />
          )}
          {editing && (
            <>
              <Button
                size="small"
                type="text"
                icon={<EditOutlined />}
                aria-label={t("dashboards.editWidget")}
                onClick={props.onEdit}
                data-testid="widget-edit"
              />
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t("dashboards.removeWidget")}
                onClick={props.onRemove}
              />
            </>
          )}
        </span>
      </header>
      <div className={styles.widgetBody}>
        {widget.kind === "text" ? (
          <p className={styles.text}>{widget.text}</p>
        ) : widget.kind === "table" ? (
          form && forms.id(widget.form!) ? (
            <RecordsTable
              formId={forms.id(widget.form!)!}
              form={form}
              filter={filter}
              {...(widget.columns ? { columns: widget.columns } : {})}
            />
          ) : null
        ) : (
          <AggregateBody {...props} form={form} labels={labels} />
        )}
      </div>
    </section>
  );
}

function AggregateBody(
  props: WidgetCardProps & { form: FormDefinition | undefined; labels: ReturnType<typeof labeller> },
) {
  const { widget, forms } = props;
  const { t } = useTranslation();
  const request = useMemo(
    () => aggregateRequest(props.dashboard, widget, forms.definition, props.controls, props.cross),
    [props.dashboard, widget, forms, props.controls, props.cross],
  );
  const formId = widget.form ? forms.id(widget.form) : undefined;
  const data = useAggregate(formId, request);
  const rows = useMemo(() => (data.data?.rows ?? []) as Row[], [data.data]);
  const dims = useMemo(() => widget.dimensions ?? [], [widget.dimensions]);
  const labels = useOrgKeyNames(props.labels, dims, rows);
  const chart = useMemo(() => {
    const first = dims[0] && !dims[0].bucket ? labels.definition(dims[0].field, dims[0].via) : undefined;
    const options = first && "options" in first && Array.isArray(first.options) ? first.options : undefined;
    return chartData(
      widget,
      rows,
      (d, key) => labels.key(dims[d], key),
      (i) => labels.measure(widget.measures![i]!),
      options?.map((o) => o.value),
    );
  }, [widget, rows, labels, dims]);
  if (data.isError) return <ErrorState error={data.error} onRetry={() => void data.refetch()} />;
  if (data.isPending) return <Spin className={styles.center} />;
  const pick = (key: Key) => {
    const dimension = dims[0];
    // A linked form's field cannot be filtered on the records: such dimensions do not cross-filter.
    if (!dimension || dimension.via || !widget.form) return;
    props.onCross({
      widgetId: widget.id,
      form: widget.form,
      dimension,
      value: key,
      label: `${labels.field(dimension.field)} = ${labels.key(dimension, key)}`,
    });
  };
  if (widget.kind === "kpi") return <KpiCard row={rows[0]} label={labels.measure(widget.measures![0]!)} />;
  if (rows.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dashboards.noData")} />;
  if (widget.kind === "pivot") return <PivotTable widget={widget} rows={rows} labels={labels} />;
  if (widget.kind === "ranking")
    return (
      <Ranking rows={rows} label={(k) => labels.key(dims[0], k)} onPick={(i) => pick(rows[i]?.g0 ?? null)} />
    );
  return (
    <EChart option={chart.option} onClick={(e) => pick(chart.keys[e.dataIndex] ?? null)} testId="chart" />
  );
}
