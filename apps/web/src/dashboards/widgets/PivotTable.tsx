// Rows × columns × measures with the server's totals (rows whose t0/t1 are true), laid out as a table.
import type { Widget } from "@formwork/schema";
import { Table } from "antd";
import { useTranslation } from "react-i18next";
import type { Row } from "../charts/chart-option";
import type { Labeller } from "../model/labels";

const id = (v: unknown) => JSON.stringify(v ?? null);

export function PivotTable({ widget, rows, labels }: { widget: Widget; rows: Row[]; labels: Labeller }) {
  const { t } = useTranslation();
  const dims = widget.dimensions ?? [];
  const measures = widget.measures ?? [];
  const two = dims.length === 2;
  const format = (v: unknown) =>
    v === null || v === undefined ? "" : Number(v).toLocaleString(undefined, { maximumFractionDigits: 2 });
  const rowKeys = [...new Map(rows.filter((r) => !r.t0).map((r) => [id(r.g0), r.g0])).values()];
  const colKeys = two ? [...new Map(rows.filter((r) => !r.t1).map((r) => [id(r.g1), r.g1])).values()] : [];
  const cell = (g0: unknown, g1: unknown, t0: boolean, t1: boolean) =>
    rows.find(
      (r) =>
        Boolean(r.t0) === t0 &&
        Boolean(r.t1) === t1 &&
        (t0 || id(r.g0) === id(g0)) &&
        (t1 || id(r.g1) === id(g1)),
    );
  const valueColumns = (g1: unknown, t1: boolean) =>
    measures.map((m, i) => ({
      key: `${id(g1)}-${i}-${t1}`,
      title: labels.measure(m),
      align: "right" as const,
      render: (_: unknown, line: { g0: unknown; t0: boolean }) =>
        format(cell(line.g0, g1, line.t0, t1)?.[`m${i}`]),
    }));
  const columns = [
    {
      key: "g0",
      title: labels.field(dims[0]?.field ?? "", dims[0]?.via),
      render: (_: unknown, line: { g0: unknown; t0: boolean }) =>
        line.t0 ? <strong>{t("dashboards.total")}</strong> : labels.key(dims[0], line.g0),
    },
    ...(two
      ? [
          ...colKeys.map((g1) => ({
            key: id(g1),
            title: labels.key(dims[1], g1),
            children: valueColumns(g1, false),
          })),
          { key: "total", title: t("dashboards.total"), children: valueColumns(null, true) },
        ]
      : valueColumns(null, false)),
  ];
  const data = [
    ...rowKeys.map((g0) => ({ key: id(g0), g0, t0: false })),
    { key: "__total", g0: null, t0: true },
  ];
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={data}
      scroll={{ x: true }}
      data-testid="pivot"
    />
  );
}
