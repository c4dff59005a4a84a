import { PlusOutlined, ThunderboltOutlined } from "@ant-design/icons";
import type { AutomationView } from "@formwork/client";
import { App as AntApp, Button, List, Popconfirm, Space, Switch, Tag } from "antd";
import { lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorState } from "../common/ErrorState";
import { errorMessage } from "../common/error-message";
import { localize } from "../common/localized-text";
import { PageLoading } from "../common/PageLoading";
import { StatusMessage } from "../common/StatusMessage";
import styles from "./automations.module.css";
import { RunLog } from "./RunLog";
import { useAppForms, useAutomations, useDeleteAutomation, useSaveAutomation } from "./use-automations";

// The editor (the designer's rule builder and formula editor) loads when it is first opened.
const AutomationEditor = lazy(async () => ({
  default: (await import("./AutomationEditor")).AutomationEditor,
}));

/** 智能助手: the app's automations (app admins), each with its editor and run log. */
export function AutomationsPage() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const { appId = "" } = useParams();
  const automations = useAutomations(appId);
  const { forms, loading } = useAppForms(appId);
  const save = useSaveAutomation(appId);
  const remove = useDeleteAutomation(appId);
  const [editing, setEditing] = useState<AutomationView | null>();
  const [logOf, setLogOf] = useState<AutomationView>();

  if (automations.isError)
    return <ErrorState error={automations.error} onRetry={() => void automations.refetch()} />;
  if (!automations.data || loading) return <PageLoading />;
  const formName = (key: string) => {
    const form = forms.find((f) => f.key === key);
    return form ? localize(form.definition.name, i18n.language) : key;
  };
  const toggle = (automation: AutomationView, enabled: boolean) =>
    save.mutate(
      {
        id: automation.id,
        input: { definition: automation.definition, enabled, version: automation.version },
      },
      { onError: (error) => void message.error(errorMessage(error, t)) },
    );

  return (
    <div className="fw-page" data-testid="automations-page">
      <div className={styles.head}>
        <div>
          <h2 style={{ margin: 0 }}>{t("automations.title")}</h2>
          <p className={styles.subtitle}>{t("automations.subtitle")}</p>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={forms.length === 0}
          onClick={() => setEditing(null)}
          data-testid="automation-new"
        >
          {t("automations.new")}
        </Button>
      </div>
      {forms.length === 0 ? (
        <StatusMessage
          icon={<ThunderboltOutlined />}
          title={t("automations.title")}
          text={t("automations.noForms")}
        />
      ) : automations.data.length === 0 ? (
        <StatusMessage
          icon={<ThunderboltOutlined />}
          title={t("automations.empty")}
          text={t("automations.emptyHint")}
        />
      ) : (
        <List
          bordered
          dataSource={automations.data}
          renderItem={(automation) => (
            <List.Item
              data-testid="automation-item"
              actions={[
                <Button key="edit" size="small" onClick={() => setEditing(automation)}>
                  {t("automations.edit")}
                </Button>,
                <Button
                  key="runs"
                  size="small"
                  onClick={() => setLogOf(automation)}
                  data-testid="automation-open-runs"
                >
                  {t("automations.runs")}
                </Button>,
                <Popconfirm
                  key="delete"
                  title={`${t("automations.delete")}?`}
                  onConfirm={() =>
                    remove.mutate(automation.id, {
                      onError: (error) => void message.error(errorMessage(error, t)),
                    })
                  }
                >
                  <Button size="small" danger>
                    {t("automations.delete")}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                avatar={<ThunderboltOutlined style={{ fontSize: 20, color: "var(--ant-color-primary)" }} />}
                title={
                  <Space wrap>
                    <span>{automation.definition.name}</span>
                    <Switch
                      size="small"
                      checked={automation.enabled}
                      aria-label={t("automations.enabled")}
                      onChange={(on) => toggle(automation, on)}
                    />
                  </Space>
                }
                description={
                  <Space wrap size={4}>
                    <Tag>{formName(automation.definition.form)}</Tag>
                    <span>{t(`automations.triggers.${automation.definition.trigger.type}`)}</span>
                    <span>→</span>
                    {automation.definition.actions.map((action, i) => (
                      <Tag key={i} color="blue">
                        {t(`automations.actions.${action.type}`)}
                      </Tag>
                    ))}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      {editing !== undefined && (
        <AutomationEditor
          appId={appId}
          forms={forms}
          automation={editing}
          onClose={() => setEditing(undefined)}
        />
      )}
      {logOf && <RunLog appId={appId} automation={logOf} onClose={() => setLogOf(undefined)} />}
    </div>
  );
}
