import { ArrowLeftOutlined, ClockCircleOutlined } from "@ant-design/icons";
import { FormRenderer } from "@formwork/renderer";
import type { Locale } from "@formwork/schema";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Card, Grid, Tabs, Tag } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useAppFieldServices } from "../../api/use-field-services";
import { useCurrentUser } from "../../api/use-session";
import { ErrorState } from "../../common/ErrorState";
import { errorMessage } from "../../common/error-message";
import { localize } from "../../common/localized-text";
import { PageLoading } from "../../common/PageLoading";
import { useDocumentTitle } from "../../common/use-document-title";
import { type ActionInput, tasksApi } from "../api";
import { nodeLabel } from "../node-label";
import { RecordFlowPanel } from "../record-flow/RecordFlowPanel";
import styles from "../tasks.module.css";
import { formatDuration } from "../time";
import { taskKeys, useInvalidateTasks } from "../use-tasks";
import { useDurationUnits } from "../use-units";
import { ActionBar } from "./ActionBar";
import { fieldEdits, taskForm } from "./task-form";

/**
 * One task: the record as its node shows it (hidden fields never arrive, editable ones can be changed),
 * the actions, and the record's flow (chart, log, remaining time).
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const { taskId = "" } = useParams();
  const user = useCurrentUser();
  const units = useDurationUnits();
  const invalidate = useInvalidateTasks();
  const detail = useQuery({ queryKey: taskKeys.task(taskId), queryFn: () => tasksApi.get(taskId) });
  const [busy, setBusy] = useState(false);
  const pending = useRef<ActionInput | undefined>(undefined);
  const recordRef = useRef<HTMLDivElement>(null);
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";
  const services = useAppFieldServices(detail.data?.form.appId ?? "");
  const form = useMemo(() => (detail.data ? taskForm(detail.data) : undefined), [detail.data]);
  useDocumentTitle(detail.data?.instance.title || t("tasks.title"));

  // Opening a CC task marks it read.
  const data = detail.data;
  useEffect(() => {
    if (data?.task.kind === "cc" && data.task.status === "pending")
      void tasksApi.markRead(data.task.id).catch(() => {});
  }, [data]);

  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!data || !form) return <PageLoading />;

  const open =
    data.task.status === "pending" && data.node.actions.length > 0 && data.task.assignee.id === user.id;
  const send = async (input: ActionInput) => {
    setBusy(true);
    try {
      await tasksApi.act(data.task.id, input);
      message.success(t(`tasks.actions.${input.action}.success`));
      await invalidate();
      navigate("/tasks");
    } finally {
      setBusy(false);
    }
  };
  const onAct = (input: ActionInput) => {
    // Approving or submitting carries the node's editable fields: the renderer checks them first and
    // hands them over through its submit; other actions leave the record as it is.
    if (form.editable.length > 0 && (input.action === "approve" || input.action === "submit")) {
      pending.current = input;
      recordRef.current?.querySelector("form")?.requestSubmit();
      return;
    }
    send(input).catch((error) => message.error(errorMessage(error, t)));
  };
  const remaining = data.task.dueAt ? Date.parse(data.task.dueAt) - Date.now() : undefined;

  const record = (
    <div ref={recordRef} className={styles.taskRecord} data-testid="task-record">
      {data.record ? (
        <FormRenderer
          key={data.record.version}
          form={form.definition}
          value={data.record.data}
          recordId={data.record.id}
          mode={open && form.editable.length > 0 ? "edit" : "view"}
          fieldPermissions={form.permissions}
          locale={locale}
          services={services}
          user={{ id: user.id }}
          onSubmit={async (values) => {
            const input = pending.current;
            if (!input) return { data: values };
            pending.current = undefined;
            const edits = fieldEdits(form.editable, data.record?.data ?? {}, values);
            await send({ ...input, ...(Object.keys(edits).length > 0 ? { fieldEdits: edits } : {}) });
            return { data: values };
          }}
        />
      ) : null}
    </div>
  );
  const flow = data.record ? <RecordFlowPanel formId={data.form.id} recordId={data.record.id} /> : null;

  return (
    <div className={styles.page} data-testid="task-page">
      <header className={styles.taskHeader}>
        <Link to="/tasks" className={styles.back}>
          <ArrowLeftOutlined /> {t("tasks.back")}
        </Link>
        <h1 className={styles.pageTitle}>{data.instance.title || t("tasks.untitled")}</h1>
        <div className={styles.taskMeta}>
          <Tag>{localize(data.form.name, i18n.language)}</Tag>
          <Tag color="orange">{nodeLabel(data.node, t, i18n.language)}</Tag>
          {data.node.mode ? <Tag>{t(`flows.mode.${data.node.mode}`)}</Tag> : null}
          <span className={styles.muted}>
            {t("tasks.startedBy", { name: data.instance.initiator?.name ?? t("tasks.system") })}
          </span>
          {remaining !== undefined && data.task.status === "pending" ? (
            <Tag color={remaining < 0 ? "error" : "warning"} icon={<ClockCircleOutlined />}>
              {remaining < 0
                ? t("tasks.overdue", { time: formatDuration(remaining, units) })
                : t("tasks.dueIn", { time: formatDuration(remaining, units) })}
            </Tag>
          ) : null}
          {data.task.status !== "pending" ? (
            <Tag color="success">
              {t(`tasks.actions.${data.task.action ?? "approve"}.done`, { defaultValue: data.task.status })}
            </Tag>
          ) : null}
        </div>
      </header>
      {screens.lg ? (
        <div className={styles.taskColumns}>
          <div className={styles.taskMain}>
            <Card size="small">{record}</Card>
            {open ? (
              <ActionBar detail={data} services={services} locale={locale} busy={busy} onAct={onAct} />
            ) : null}
          </div>
          <Card size="small" className={styles.taskSide} title={t("tasks.flow.title")}>
            {flow}
          </Card>
        </div>
      ) : (
        <>
          <Tabs
            items={[
              { key: "record", label: t("tasks.record"), children: record },
              { key: "flow", label: t("tasks.flow.title"), children: flow },
            ]}
          />
          {open ? (
            <ActionBar detail={data} services={services} locale={locale} busy={busy} onAct={onAct} />
          ) : null}
        </>
      )}
      {open ? null : (
        <div className={styles.closedNote}>
          <Button onClick={() => navigate("/tasks")}>{t("tasks.back")}</Button>
        </div>
      )}
    </div>
  );
}
