import type { WebhookDelivery, WebhookSubscription } from "@formwork/client";
import { App as AntdApp, Button, Descriptions, Drawer, Empty, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../common/error-message";
import { useDeliveries, useDeliveryDetail, useRedeliver, useSendTest } from "./use-webhooks";

const STATUS_COLOURS = { pending: "processing", delivered: "success", dead: "error" } as const;

/** A subscription's delivery log: send a test, see each delivery's attempts, redeliver a finished one. */
export function DeliveriesDrawer({
  appId,
  webhook,
  onClose,
}: {
  appId: string;
  webhook: WebhookSubscription;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = AntdApp.useApp();
  const log = useDeliveries(appId, webhook.id);
  const test = useSendTest(appId, webhook.id);
  const redeliver = useRedeliver(appId, webhook.id);
  const [open, setOpen] = useState<string>();
  const detail = useDeliveryDetail(appId, webhook.id, open);
  const fail = (error: unknown) => void message.error(errorMessage(error, t));
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : "—");

  return (
    <Drawer
      open
      onClose={onClose}
      width="min(760px, 100vw)"
      title={t("webhooks.logTitle", { name: webhook.name })}
      extra={
        <Space>
          <Button onClick={() => void log.refetch()}>{t("webhooks.refresh")}</Button>
          <Button
            type="primary"
            loading={test.isPending}
            data-testid="webhook-send-test"
            onClick={() =>
              test.mutate(undefined, {
                onSuccess: () => void message.success(t("webhooks.testQueued")),
                onError: fail,
              })
            }
          >
            {t("webhooks.sendTest")}
          </Button>
        </Space>
      }
    >
      <Table<WebhookDelivery>
        rowKey="id"
        size="small"
        loading={log.isLoading}
        dataSource={log.data?.deliveries ?? []}
        pagination={false}
        scroll={{ x: 600 }}
        data-testid="webhook-deliveries"
        locale={{ emptyText: <Empty description={t("webhooks.noDeliveries")} /> }}
        expandable={{
          expandedRowKeys: open ? [open] : [],
          onExpand: (expanded, row) => setOpen(expanded ? row.id : undefined),
          expandedRowRender: () =>
            detail.data ? (
              <div data-testid="webhook-attempts">
                {detail.data.attemptLog.map((a) => (
                  <Descriptions
                    key={`${a.attempt}-${a.startedAt}`}
                    size="small"
                    column={{ xs: 1, sm: 2 }}
                    bordered
                    style={{ marginBottom: 8 }}
                  >
                    <Descriptions.Item label={t("webhooks.attempt")}>{a.attempt}</Descriptions.Item>
                    <Descriptions.Item label={t("webhooks.startedAt")}>{time(a.startedAt)}</Descriptions.Item>
                    <Descriptions.Item label={t("webhooks.statusCode")}>
                      {a.statusCode ?? "—"}
                    </Descriptions.Item>
                    <Descriptions.Item label={t("webhooks.duration")}>
                      {t("webhooks.ms", { ms: a.durationMs })}
                    </Descriptions.Item>
                    {a.error && (
                      <Descriptions.Item label={t("webhooks.error")} span={2}>
                        {a.error}
                      </Descriptions.Item>
                    )}
                    {a.responseSnippet && (
                      <Descriptions.Item label={t("webhooks.response")} span={2}>
                        <Typography.Text code style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
                          {a.responseSnippet}
                        </Typography.Text>
                      </Descriptions.Item>
                    )}
                  </Descriptions>
                ))}
              </div>
            ) : null,
        }}
        columns={[
          {
            title: t("webhooks.event"),
            dataIndex: "event",
            render: (event: string | null) =>
              event ? t(`webhooks.eventNames.${event.replace(".", "_")}`, { defaultValue: event }) : "—",
          },
          {
            title: t("webhooks.status"),
            dataIndex: "status",
            render: (status: WebhookDelivery["status"], row) => (
              <Space size={4}>
                <Tag color={STATUS_COLOURS[status]} data-testid="webhook-delivery-status">
                  {t(`webhooks.statuses.${status}`)}
                </Tag>
                {row.lastStatusCode !== null && (
                  <Typography.Text type="secondary">HTTP {row.lastStatusCode}</Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t("webhooks.attempts"), dataIndex: "attempts", width: 80 },
          { title: t("webhooks.createdAt"), dataIndex: "createdAt", render: time },
          {
            title: "",
            width: 110,
            render: (_, row) =>
              row.status === "pending" ? null : (
                <Button
                  size="small"
                  data-testid="webhook-redeliver"
                  onClick={() =>
                    redeliver.mutate(row.id, {
                      onSuccess: () => void message.success(t("webhooks.redelivering")),
                      onError: fail,
                    })
                  }
                >
                  {t("webhooks.redeliver")}
                </Button>
              ),
          },
        ]}
      />
    </Drawer>
  );
}
