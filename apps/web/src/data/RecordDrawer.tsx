import { DeleteOutlined, EditOutlined, PrinterOutlined, UndoOutlined } from "@ant-design/icons";
import type { FormRecord } from "@formwork/client";
import type { FormDefinition } from "@formwork/schema";
import { App as AntdApp, Button, Drawer, Grid, Popconfirm, Space, Tabs } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { api } from "../api/client";
import { CommentsPanel } from "../comments/CommentsPanel";
import { useMyRights } from "../permissions/use-permissions";
import { RecordFlowPanel } from "../tasks/record-flow/RecordFlowPanel";
import { failureText } from "./failure-text";
import { RecordDetails } from "./RecordDetails";
import { RecordEditor } from "./RecordEditor";
import { RecordHistory } from "./RecordHistory";
import { RecordRelated } from "./RecordRelated";
import type { GridColumn } from "./record-columns";
import { useInvalidateRecords, useRecord, useRestoreRecord } from "./use-records";

interface Props {
  formId: string;
  definition: FormDefinition;
  columns: GridColumn[];
  /** The grid's copy, shown at once while the current one loads. */
  initial: FormRecord;
  bin: boolean;
  onClose(): void;
}

/** One record: every field formatted, its history, and (outside the recycle bin) edit and delete. */
export function RecordDrawer({ formId, definition, columns, initial, bin, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const screens = Grid.useBreakpoint();
  // The record as it was when editing began: a refetch meanwhile (a realtime hint that someone else
  // saved) must neither reset the form under the user's typing nor lend the save the newer version,
  // which would discard the user's edits or overwrite the other change; the save answers 412 instead.
  const [editing, setEditing] = useState<FormRecord | null>(null);
  const [tab, setTab] = useState("details");
  const current = useRecord(formId, bin ? undefined : initial.id, initial);
  const record = current.data ?? initial;
  const invalidate = useInvalidateRecords(formId);
  const restore = useRestoreRecord(formId);
  const { appId = "" } = useParams();
  const { data: rights } = useMyRights(formId);
  const canPrint = rights?.actions.includes("print") ?? false;

  const remove = async () => {
    try {
      await api.records.remove(formId, record.id, record.version);
      await invalidate();
      message.success(t("data.deleted"));
      onClose();
    } catch (error) {
      message.error(failureText(error, t));
    }
  };

  const actions = bin ? (
    <Button
      icon={<UndoOutlined />}
      loading={restore.isPending}
      onClick={() =>
        restore.mutate(record.id, {
          onSuccess: () => {
            message.success(t("data.restored"));
            onClose();
          },
          onError: (error) => message.error(failureText(error, t)),
        })
      }
    >
      {t("data.restore")}
    </Button>
  ) : editing ? null : (
    <Space>
      {canPrint ? (
        <Button
          icon={<PrinterOutlined />}
          href={`/apps/${appId}/forms/${formId}/records/${record.id}/print`}
          target="_blank"
          rel="noopener"
          data-testid="record-print"
        >
          {t("permissions.actions.print")}
        </Button>
      ) : null}
      <Button
        type="primary"
        icon={<EditOutlined />}
        onClick={() => {
          setEditing(record);
          setTab("details");
        }}
        data-testid="record-edit"
      >
        {t("data.edit")}
      </Button>
      <Popconfirm
        title={t("data.deleteConfirm")}
        okText={t("data.delete")}
        cancelText={t("common.cancel")}
        okButtonProps={{ danger: true }}
        onConfirm={() => void remove()}
      >
        <Button danger icon={<DeleteOutlined />} aria-label={t("data.delete")} />
      </Popconfirm>
    </Space>
  );

  return (
    <Drawer
      open
      onClose={onClose}
      title={t("data.recordTitle")}
      size={screens.md ? 720 : "100%"}
      extra={actions}
      destroyOnHidden
      data-testid="record-drawer"
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: "details",
            label: t("data.details"),
            children: editing ? (
              <RecordEditor
                formId={formId}
                definition={definition}
                record={editing}
                onSaved={() => setEditing(null)}
                onCancel={() => setEditing(null)}
                onReload={() =>
                  void current.refetch().then((reloaded) => {
                    if (reloaded.data) setEditing(reloaded.data);
                  })
                }
              />
            ) : (
              <>
                <RecordDetails record={record} columns={columns} />
                <RecordRelated definition={definition} record={record} />
              </>
            ),
          },
          ...(definition.flow
            ? [
                {
                  key: "flow",
                  label: t("tasks.flow.title"),
                  children: tab === "flow" ? <RecordFlowPanel formId={formId} recordId={record.id} /> : null,
                },
              ]
            : []),
          ...(bin
            ? []
            : [
                {
                  key: "comments",
                  label: t("comments.title"),
                  children:
                    tab === "comments" ? <CommentsPanel formId={formId} recordId={record.id} /> : null,
                },
              ]),
          {
            key: "history",
            label: t("data.history.title"),
            children: (
              <RecordHistory formId={formId} record={record} columns={columns} enabled={tab === "history"} />
            ),
          },
        ]}
      />
    </Drawer>
  );
}
