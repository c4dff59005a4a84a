import { PlayCircleOutlined, StopOutlined, SwapOutlined } from "@ant-design/icons";
import { type FieldServices, fieldInputs } from "@formwork/fields/react";
import { createFieldServices } from "@formwork/renderer";
import type { FieldOf, Locale } from "@formwork/schema";
import { Alert, App, Button, Input, Modal, Select, Space } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { errorMessage } from "../common/error-message";
import { type RecordFlow, tasksApi } from "../tasks/api";
import { idOf } from "../tasks/member-id";
import { nodeLabel } from "../tasks/node-label";
import styles from "../tasks/tasks.module.css";
import { useInvalidateTasks } from "../tasks/use-tasks";

const MemberInput = fieldInputs.member;
const MEMBER_FIELD: FieldOf<"member"> = { id: "new_assignee", type: "member", label: "" };

type Dialog = "changeAssignee" | "end" | "reactivate";

/**
 * The app admin's controls on a record's flow (the server decides who: `instance.canAdminister`): change
 * a pending task's assignee and end a running flow (with a reason), or reactivate an ended or rejected
 * one at a chosen node. Each asks in a dialog first; the server answers 409 when the flow moved meanwhile.
 */
export function FlowAdminBar({ flow }: { flow: RecordFlow }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateTasks();
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";
  const services: FieldServices = useMemo(
    () => createFieldServices({ client: api, formIds: new Map(), locale: () => i18n.language }),
    [i18n],
  );
  const { instance, current } = flow;
  const [dialog, setDialog] = useState<Dialog>();
  const [task, setTask] = useState<string | undefined>();
  const [user, setUser] = useState<string | undefined>();
  const [target, setTarget] = useState<string | undefined>();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  // The texts come with their own chunk (i18n/lazy-texts.ts): only admins ever see this bar.
  const [textsReady, setTextsReady] = useState(false);
  useEffect(() => {
    if (flow.instance.canAdminister)
      void import("./texts").then((texts) => texts.textsReady).then(() => setTextsReady(true));
  }, [flow.instance.canAdminister]);
  const running = instance.status === "running";
  const tasks = current.map((c) => ({
    value: c.taskId,
    label: `${c.assignee.name} · ${
      nodeLabel(
        flow.chart.nodes.find((n) => n.id === c.nodeId),
        t,
        i18n.language,
      ) || c.nodeId
    }`,
  }));

  const open = (which: Dialog) => {
    setDialog(which);
    setTask(current[0]?.taskId);
    setUser(undefined);
    setTarget(instance.reactivateTargets[0]?.id);
    setComment("");
  };
  const ready =
    dialog === "changeAssignee"
      ? Boolean(task && user)
      : dialog === "end"
        ? comment.trim() !== ""
        : Boolean(target);

  const confirm = async () => {
    if (!dialog || !ready) return;
    const note = comment.trim() ? { comment: comment.trim() } : {};
    setBusy(true);
    try {
      if (dialog === "changeAssignee") {
        await tasksApi.admin(instance.id, { action: "changeAssignee", task: task!, user: user!, ...note });
      } else if (dialog === "end") {
        await tasksApi.admin(instance.id, { action: "end", comment: comment.trim() });
      } else {
        await tasksApi.admin(instance.id, { action: "reactivate", target: target!, ...note });
      }
      message.success(t(`flowAdmin.${dialog}.done`));
      setDialog(undefined);
      await invalidate();
    } catch (error) {
      message.error(errorMessage(error, t));
      await invalidate();
    } finally {
      setBusy(false);
    }
  };

  if (!instance.canAdminister || !textsReady) return null;
  const canReactivate = !running && instance.reactivateTargets.length > 0;
  if (!running && !canReactivate) return null;
  return (
    <>
      <Space size={4} wrap className={styles.flowActions} data-testid="flow-admin">
        {running && current.length > 0 ? (
          <Button
            size="small"
            icon={<SwapOutlined />}
            onClick={() => open("changeAssignee")}
            data-testid="flow-admin-changeAssignee"
          >
            {t("flowAdmin.changeAssignee.verb")}
          </Button>
        ) : null}
        {running ? (
          <Button
            size="small"
            danger
            icon={<StopOutlined />}
            onClick={() => open("end")}
            data-testid="flow-admin-end"
          >
            {t("flowAdmin.end.verb")}
          </Button>
        ) : null}
        {canReactivate ? (
          <Button
            size="small"
            icon={<PlayCircleOutlined />}
            onClick={() => open("reactivate")}
            data-testid="flow-admin-reactivate"
          >
            {t("flowAdmin.reactivate.verb")}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={dialog !== undefined}
        title={dialog ? t(`flowAdmin.${dialog}.title`) : undefined}
        okText={dialog ? t(`flowAdmin.${dialog}.verb`) : undefined}
        okButtonProps={{
          danger: dialog === "end",
          disabled: !ready,
          loading: busy,
          "data-testid": "flow-admin-confirm",
        }}
        cancelText={t("common.cancel")}
        onOk={() => void confirm()}
        onCancel={() => setDialog(undefined)}
        destroyOnHidden
      >
        {dialog ? (
          <div className={styles.stack}>
            <Alert
              type={dialog === "end" ? "warning" : "info"}
              showIcon
              message={t(`flowAdmin.${dialog}.hint`)}
            />
            {dialog === "changeAssignee" ? (
              <>
                {tasks.length > 1 ? (
                  <Select
                    className={styles.full}
                    value={task}
                    onChange={setTask}
                    options={tasks}
                    aria-label={t("flowAdmin.changeAssignee.task")}
                  />
                ) : null}
                <MemberInput
                  field={MEMBER_FIELD}
                  value={user ?? null}
                  onChange={(v) => setUser(idOf(v))}
                  readOnly={false}
                  locale={locale}
                  services={services}
                  inputId="flow-admin-user"
                  invalid={false}
                />
              </>
            ) : null}
            {dialog === "reactivate" ? (
              <Select
                className={styles.full}
                value={target}
                onChange={setTarget}
                aria-label={t("flowAdmin.reactivate.target")}
                data-testid="flow-admin-target"
                options={instance.reactivateTargets.map((n) => ({
                  value: n.id,
                  label: nodeLabel(n, t, i18n.language),
                }))}
              />
            ) : null}
            <Input.TextArea
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder={t(dialog === "end" ? "flowAdmin.end.reason" : "tasks.commentPlaceholder")}
              data-testid="flow-admin-comment"
            />
          </div>
        ) : null}
      </Modal>
    </>
  );
}
