// A detail-table widget (and the drill-down): the records list API with the widget's filter, so rows,
// fields and permissions are exactly the data grid's.
import type { FormRecord } from "@formwork/client";
import type { FormDefinition } from "@formwork/schema";
import { useQuery } from "@tanstack/react-query";
import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { localize } from "../../common/localized-text";
import { cellText, gridColumns } from "../../data/record-columns";
import { useOrgNames } from "../../data/use-org-names";

export function RecordsTable({
  formId,
  form,
  filter,
  columns,
  pageSize = 10,
}: {
  formId: string;
  form: FormDefinition;
  filter: unknown;
  columns?: string[];
  pageSize?: number;
}) {
  const { t, i18n } = useTranslation();
  const all = gridColumns(form);
  const shown = columns?.length
    ? all.filter((c) => columns.includes(c.id))
    : all.filter((c) => c.field).slice(0, 6);
  const page = useQuery({
    queryKey: ["dashboards", "records", formId, filter, pageSize],
    queryFn: () =>
      api.records.query(formId, { ...(filter === undefined ? {} : { filter }), limit: pageSize }),
  });
  const records = page.data?.records ?? [];
  const names = useOrgNames(records, shown);
  const locale = i18n.language === "en" ? "en" : "zh-CN";
  return (
    <Table<FormRecord>
      size="small"
      loading={page.isPending}
      rowKey="id"
      pagination={false}
      scroll={{ x: true }}
      dataSource={records}
      data-testid="records-table"
      footer={
        page.data?.count ? () => t("dashboards.records", { count: page.data?.count?.value }) : undefined
      }
      columns={shown.map((c) => ({
        key: c.id,
        title: c.field ? localize(c.field.label, i18n.language) || c.id : t(`data.system.${c.id.slice(1)}`),
        render: (_: unknown, record: FormRecord) => cellText(record, c, locale, names),
      }))}
    />
  );
}
