import type { AuditEntry, AuditQuery } from "@formwork/client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, DatePicker, Input, Result, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { useCurrentUser } from "../api/use-session";
import { ErrorState } from "../common/ErrorState";
import { useDocumentTitle } from "../common/use-document-title";

const PAGE = 50;
type Filters = Omit<AuditQuery, "before" | "limit">;
/** The RangePicker's moments (dayjs, antd's own dependency). */
type Moment = { toISOString(): string } | null;

/** The audit log for system administrators; the server filters and pages (keyset cursor). */
export function Component() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(t("audit.title"));
  const [filters, setFilters] = useState<Filters>({});
  const [action, setAction] = useState("");
  // The cursors of the pages before this one: back is a pop, next a push of nextCursor.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const before = cursors[cursors.length - 1];
  const users = useQuery({ queryKey: ["users", "all"], queryFn: () => api.users.list({ limit: 200 }) });
  const page = useQuery({
    queryKey: ["audit", filters, before],
    queryFn: () => api.audit.list({ ...filters, ...(before ? { before } : {}), limit: PAGE }),
    placeholderData: keepPreviousData,
    enabled: user.isAdmin === true,
  });
  const change = (next: Filters) => {
    setFilters(next);
    setCursors([undefined]);
  };
  if (!user.isAdmin) return <Result status="403" title={t("audit.forbidden")} />;
  return (
    <div style={{ maxWidth: 1200, margin: "0 auto", padding: "24px 16px" }} data-testid="audit-page">
      <h2 style={{ marginTop: 0 }}>{t("audit.title")}</h2>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 220 }}
          placeholder={t("audit.actor")}
          loading={users.isLoading}
          options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name || u.email }))}
          onChange={(actor?: string) => change({ ...filters, actor })}
          data-testid="audit-actor"
        />
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t("audit.action")}
          value={action}
          onChange={(e) => setAction(e.target.value)}
          onSearch={(value) => change({ ...filters, action: value.trim() || undefined })}
          data-testid="audit-action"
        />
        <DatePicker.RangePicker
          showTime
          onChange={(range) => {
            const [from, to] = (range ?? [null, null]) as [Moment, Moment];
            change({ ...filters, from: from?.toISOString(), to: to?.toISOString() });
          }}
        />
      </Space>
      <Typography.Paragraph type="secondary">{t("audit.actionHint")}</Typography.Paragraph>
      {page.isError ? (
        <ErrorState error={page.error} onRetry={() => void page.refetch()} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          loading={page.isFetching}
          dataSource={page.data?.entries ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t("audit.empty") }}
          data-testid="audit-table"
          columns={[
            {
              title: t("audit.at"),
              dataIndex: "at",
              width: 190,
              render: (at: string) => new Date(at).toLocaleString(i18n.language),
            },
            {
              title: t("audit.actor"),
              render: (_, entry) => entry.actorName ?? entry.actorLabel,
            },
            { title: t("audit.action"), dataIndex: "action", render: (a: string) => <code>{a}</code> },
            { title: t("audit.target"), dataIndex: "targetId", render: (id: string | null) => id ?? "—" },
            { title: t("audit.ip"), dataIndex: "ip", render: (ip: string | null) => ip ?? "—" },
            {
              title: t("audit.detail"),
              dataIndex: "detail",
              render: (detail: Record<string, unknown>) => (
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
                  {JSON.stringify(detail)}
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
      <Space style={{ marginTop: 16 }}>
        <Button
          disabled={cursors.length === 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
          data-testid="audit-prev"
        >
          {t("audit.prev")}
        </Button>
        <Button
          disabled={!page.data?.nextCursor}
          onClick={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
          data-testid="audit-next"
        >
          {t("audit.next")}
        </Button>
      </Space>
    </div>
  );
}
