import { ReloadOutlined } from "@ant-design/icons";
import type { AutomationRunView, AutomationView } from "@formwork/client";
import { App as AntApp, Button, Drawer, Empty, List, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../common/error-message";
import styles from "./automations.module.css";
import { useRetryRun, useRuns } from "./use-automations";

const OUTCOME_COLOURS: Record<string, string> = {
  succeeded: "green",
  failed: "red",
  skipped: "default",
  rolledBack: "orange",
};

/** What started a run, in the trigger picker's words (record.created → 新增数据时). */
const KIND_TRIGGERS: Record<string, string> = {
  "record.created": "recordCreated",
  "record.updated": "recordUpdated",
  "record.deleted": "recordDeleted",
  schedule: "schedule",
  date: "dateField",
  "flow.approved": "flowApproved",
  "flow.rejected": "flowRejected",
};

function triggerLabel(kind: string, t: (key: string) => string): string {
  const trigger = KIND_TRIGGERS[kind];
  return trigger ? t(`automations.triggers.${trigger}`) : kind;
}

/** The automation's runs, newest first: trigger, each action's outcome, the error, and retry for failures. */
export function RunLog({
  appId,
  automation,
  onClose,
}: {
  appId: string;
  automation: AutomationView;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const runs = useRuns(appId, automation.id);
  const retry = useRetryRun(appId, automation.id);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const render = (run: AutomationRunView) => {
    const kind = String(run.trigger.kind ?? "");
    return (
      <List.Item
        data-testid="automation-run"
        actions={
          run.status === "failed"
            ? [
                <Button
                  key="retry"
                  size="small"
                  loading={retry.isPending && retry.variables === run.id}
                  data-testid="automation-retry"
                  onClick={() =>
                    retry.mutate(run.id, { onError: (error) => void message.error(errorMessage(error, t)) })
                  }
                >
                  {t("common.retry")}
                </Button>,
              ]
            : []
        }
      >
        <List.Item.Meta
          title={
            <Space wrap size={4}>
              <Tag color={run.status === "succeeded" ? "green" : "red"} data-testid="automation-run-status">
                {t(`automations.status.${run.status}`)}
              </Tag>
              <span>{triggerLabel(kind, t)}</span>
              {run.depth > 0 && <Tag>{t("automations.depth", { depth: run.depth })}</Tag>}
              {run.retryOf && <Tag color="blue">{t("common.retry")}</Tag>}
            </Space>
          }
          description={
            <>
              <span>{when(run.createdAt)}</span>
              <div className={styles.outcomes}>
                {run.outcomes.map((outcome) => (
                  <Tag
                    key={outcome.index}
                    color={OUTCOME_COLOURS[outcome.status]}
                    data-testid="automation-outcome"
                  >
                    {outcome.index + 1}. {t(`automations.actions.${outcome.type}`)} ·{" "}
                    {t(`automations.outcome.${outcome.status}`)}
                  </Tag>
                ))}
              </div>
              {run.error && <p className={styles.error}>{run.error}</p>}
            </>
          }
        />
      </List.Item>
    );
  };
  return (
    <Drawer
      open
      width="min(640px, 100vw)"
      title={`${t("automations.runsTitle")} · ${automation.definition.name}`}
      onClose={onClose}
      data-testid="automation-runs"
      extra={
        <Button
          icon={<ReloadOutlined />}
          aria-label={t("automations.runs")}
          title={t("automations.runs")}
          onClick={() => void runs.refetch()}
        />
      }
    >
      {runs.data && runs.data.runs.length === 0 ? (
        <Empty description={t("automations.noRuns")} />
      ) : (
        <List loading={runs.isPending} dataSource={runs.data?.runs ?? []} renderItem={render} />
      )}
    </Drawer>
  );
}
