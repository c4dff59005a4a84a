import { BellOutlined, ClockCircleOutlined, RollbackOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { App, Button, Empty, Grid, Popconfirm, Space, Spin, Tag } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../../api/use-session";
import { errorMessage } from "../../common/error-message";
import { FlowAdminBar } from "../../flow-admin/FlowAdminBar";
import { FlowCanvas } from "../../flows/canvas/FlowCanvas";
import { tasksApi } from "../api";
import { nodeLabel } from "../node-label";
import styles from "../tasks.module.css";
import { formatDuration } from "../time";
import { taskKeys, useInvalidateTasks } from "../use-tasks";
import { useDurationUnits } from "../use-units";
import { chartModel, nodeSummaries } from "./chart-model";
import { FlowLog } from "./FlowLog";

/**
 * A record's flow: who has it now and how long is left, the chart (done / current / pending nodes),
 * the full log, the initiator's withdraw and urge, and the app admin's controls.
 */
export function RecordFlowPanel({ formId, recordId }: { formId: string; recordId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const units = useDurationUnits();
  const screens = Grid.useBreakpoint();
  const invalidate = useInvalidateTasks();
  const flow = useQuery({
    queryKey: taskKeys.recordFlow(formId, recordId),
    queryFn: () => tasksApi.recordFlow(formId, recordId),
    retry: false,
  });
  const model = useMemo(() => (flow.data ? chartModel(flow.data.chart) : undefined), [flow.data]);
  const summaries = useMemo(
    () =>
      nodeSummaries(
        flow.data,
        (action, name) => `${name} ${t(`tasks.log.${action}`)}`,
        (names) => t("tasks.flow.handling", { names: names.join(t("tasks.separator")) }),
      ),
    [flow.data, t],
  );

  if (flow.isLoading) return <Spin className={styles.loading} />;
  if (flow.isError || !flow.data || !model)
    return <Empty description={flow.isError ? errorMessage(flow.error, t) : t("tasks.flow.none")} />;
  const { instance, current } = flow.data;
  const mine = instance.initiator?.id === user.id;
  const act = async (action: "withdraw" | "urge") => {
    try {
      await tasksApi.instanceAction(instance.id, action);
      message.success(t(`tasks.flow.${action}Done`));
      await invalidate();
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };

  return (
    <div className={styles.flowPanel} data-testid="record-flow">
      <div className={styles.flowHeader}>
        <Tag
          color={
            instance.status === "running"
              ? "processing"
              : instance.status === "rejected"
                ? "error"
                : instance.status === "completed"
                  ? "success"
                  : "default"
          }
        >
          {t(`tasks.instanceStatus.${instance.status}`, { defaultValue: instance.status })}
        </Tag>
        <span className={styles.muted}>{t("tasks.flow.version", { version: instance.flowVersion })}</span>
        {mine && instance.status === "running" ? (
          <Space size={4} className={styles.flowActions}>
            <Button
              size="small"
              icon={<BellOutlined />}
              onClick={() => void act("urge")}
              data-testid="flow-urge"
            >
              {t("tasks.flow.urge")}
            </Button>
            {instance.canWithdraw ? (
              <Popconfirm
                title={t("tasks.flow.withdrawConfirm")}
                okText={t("tasks.flow.withdraw")}
                cancelText={t("common.cancel")}
                onConfirm={() => void act("withdraw")}
              >
                <Button size="small" icon={<RollbackOutlined />} data-testid="flow-withdraw">
                  {t("tasks.flow.withdraw")}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        ) : null}
        <FlowAdminBar flow={flow.data} />
      </div>
      {current.length > 0 ? (
        <ul className={styles.currentList} data-testid="flow-current">
          {current.map((task) => (
            <li key={task.taskId}>
              <strong>{task.assignee.name}</strong>
              <span>
                {nodeLabel(
                  flow.data.chart.nodes.find((n) => n.id === task.nodeId),
                  t,
                  i18n.language,
                )}
              </span>
              <span className={styles.muted}>
                {t("tasks.flow.waiting", { time: formatDuration(task.waitingMs, units) })}
              </span>
              {task.remainingMs !== null ? (
                <Tag
                  color={task.remainingMs < 0 ? "error" : "warning"}
                  icon={<ClockCircleOutlined />}
                  data-testid="flow-remaining"
                >
                  {task.remainingMs < 0
                    ? t("tasks.overdue", { time: formatDuration(task.remainingMs, units) })
                    : t("tasks.dueIn", { time: formatDuration(task.remainingMs, units) })}
                </Tag>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ReactFlowProvider>
        <FlowCanvas
          flow={model.flow}
          status={model.status}
          traversed={model.traversed}
          summaries={summaries}
          className={styles.chart}
          height={screens.md ? 360 : 300}
        />
      </ReactFlowProvider>
      <div className={styles.legend}>
        {(["done", "current", "pending", "rejected"] as const).map((s) => (
          <span key={s} className={`${styles.legendItem} ${styles[`legend_${s}`]}`}>
            {t(`flows.status.${s}`)}
          </span>
        ))}
      </div>
      <h4 className={styles.subTitle}>{t("tasks.flow.log")}</h4>
      <FlowLog log={flow.data.log} nodes={flow.data.chart.nodes} />
    </div>
  );
}
