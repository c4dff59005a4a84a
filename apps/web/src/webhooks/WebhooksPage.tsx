import { ApiOutlined, PlusOutlined } from "@ant-design/icons";
import type { WebhookSubscription } from "@formwork/client";
import { App as AntdApp, Button, Popconfirm, Space, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useApp } from "../api/use-apps";
import { ErrorState } from "../common/ErrorState";
import { errorMessage } from "../common/error-message";
import { PageLoading } from "../common/PageLoading";
import { DeliveriesDrawer } from "./DeliveriesDrawer";
import { useDeleteWebhook, useRotateSecret, useUpdateWebhook, useWebhooks } from "./use-webhooks";
import { SecretModal, WebhookFormModal } from "./WebhookFormModal";

/** The app's webhooks (app admins): subscriptions, their switch, secret rotation and delivery logs. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const { appId = "" } = useParams();
  const app = useApp(appId);
  const hooks = useWebhooks(appId);
  const update = useUpdateWebhook(appId);
  const remove = useDeleteWebhook(appId);
  const rotate = useRotateSecret(appId);
  const [editing, setEditing] = useState<WebhookSubscription | "new">();
  const [logOf, setLogOf] = useState<WebhookSubscription>();
  const [secret, setSecret] = useState<string>();
  const fail = (error: unknown) => void message.error(errorMessage(error, t));

  if (hooks.isError) return <ErrorState error={hooks.error} onRetry={() => void hooks.refetch()} />;
  if (!app.data) return <PageLoading />;
  return (
    <div className="fw-page" data-testid="webhooks-page">
      <Space style={{ width: "100%", justifyContent: "space-between", flexWrap: "wrap", marginBottom: 16 }}>
        <div>
          <h2 style={{ margin: 0 }}>
            <ApiOutlined /> {t("webhooks.title")}
          </h2>
          <p style={{ color: "var(--ant-color-text-secondary)", margin: "4px 0 0" }}>
            {t("webhooks.subtitle")}
          </p>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing("new")}
          data-testid="webhook-new"
        >
          {t("webhooks.new")}
        </Button>
      </Space>
      <Table<WebhookSubscription>
        rowKey="id"
        loading={hooks.isLoading}
        dataSource={hooks.data?.webhooks ?? []}
        pagination={false}
        scroll={{ x: 860 }}
        data-testid="webhooks-table"
        locale={{ emptyText: t("webhooks.empty") }}
        columns={[
          {
            title: t("webhooks.name"),
            dataIndex: "name",
            render: (name: string, hook) => (
              <div>
                <strong>{name}</strong>
                <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }} ellipsis>
                  {hook.url}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t("webhooks.events"),
            dataIndex: "events",
            render: (events: string[]) => (
              <Space size={[4, 4]} wrap>
                {events.map((e) => (
                  <Tag key={e}>{t(`webhooks.eventNames.${e.replace(".", "_")}`)}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t("webhooks.secret"),
            dataIndex: "secretHint",
            width: 110,
            render: (hint: string) => <Typography.Text code>…{hint}</Typography.Text>,
          },
          {
            title: t("webhooks.enabled"),
            dataIndex: "enabled",
            width: 90,
            render: (enabled: boolean, hook) => (
              <Switch
                checked={enabled}
                aria-label={t("webhooks.enabled")}
                onChange={(next) =>
                  update.mutate({ id: hook.id, changes: { enabled: next } }, { onError: fail })
                }
              />
            ),
          },
          {
            title: t("webhooks.actions"),
            width: 300,
            render: (_, hook) => (
              <Space size={0} wrap>
                <Button type="link" onClick={() => setLogOf(hook)} data-testid={`webhook-log-${hook.name}`}>
                  {t("webhooks.log")}
                </Button>
                <Button type="link" onClick={() => setEditing(hook)}>
                  {t("webhooks.edit")}
                </Button>
                <Popconfirm
                  title={t("webhooks.rotateConfirm")}
                  okText={t("webhooks.rotate")}
                  cancelText={t("common.cancel")}
                  onConfirm={() =>
                    rotate.mutate(hook.id, { onSuccess: (r) => setSecret(r.secret), onError: fail })
                  }
                >
                  <Button type="link">{t("webhooks.rotate")}</Button>
                </Popconfirm>
                <Popconfirm
                  title={t("webhooks.deleteConfirm", { name: hook.name })}
                  okText={t("webhooks.delete")}
                  cancelText={t("common.cancel")}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutate(hook.id, { onError: fail })}
                >
                  <Button type="link" danger>
                    {t("webhooks.delete")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <WebhookFormModal
          app={app.data}
          editing={editing === "new" ? undefined : editing}
          onClose={() => setEditing(undefined)}
        />
      )}
      {secret && <SecretModal secret={secret} onClose={() => setSecret(undefined)} />}
      {logOf && <DeliveriesDrawer appId={appId} webhook={logOf} onClose={() => setLogOf(undefined)} />}
    </div>
  );
}
