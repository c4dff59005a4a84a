import { DeleteOutlined, EditOutlined, UndoOutlined } from "@ant-design/icons";
import type { FormRecord } from "@formwork/client";
import { App as AntdApp, Button, Popconfirm } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { BulkEditModal } from "./BulkEditModal";
import { type BulkOutcome, runSequentially } from "./bulk";
import styles from "./data.module.css";
import { failureText } from "./failure-text";
import type { GridColumn } from "./record-columns";
import { useInvalidateRecords } from "./use-records";

interface Props {
  formId: string;
  bin: boolean;
  selected: FormRecord[];
  columns: GridColumn[];
  labelOf(column: GridColumn): string;
  onDone(): void;
}

/** What to do with the selected rows: delete or edit one field (records), restore (recycle bin). */
export function BulkActions({ formId, bin, selected, columns, labelOf, onDone }: Props) {
  const { t } = useTranslation();
  const { message, modal } = AntdApp.useApp();
  const invalidate = useInvalidateRecords(formId);
  const [progress, setProgress] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  if (selected.length === 0) return null;

  const run = async (action: (record: FormRecord) => PromiseLike<unknown>, doneKey: string) => {
    setProgress(t("data.bulk.progress", { done: 0, total: selected.length }));
    const outcome: BulkOutcome<FormRecord> = await runSequentially(selected, action, (done, total) =>
      setProgress(t("data.bulk.progress", { done, total })),
    );
    setProgress(null);
    await invalidate();
    if (outcome.succeeded.length > 0) message.success(t(doneKey, { count: outcome.succeeded.length }));
    if (outcome.failed.length > 0) {
      modal.error({
        title: t("data.bulk.failedTitle", { count: outcome.failed.length }),
        content: (
          <ul className={styles.failures}>
            {outcome.failed.map(({ item, error }) => (
              <li key={item.id}>
                <code>{item.id.slice(0, 8)}</code> {failureText(error, t)}
              </li>
            ))}
          </ul>
        ),
      });
    }
    onDone();
  };

  return (
    <div className={styles.bulkBar} data-testid="bulk-actions">
      <span>{t("data.bulk.selected", { count: selected.length })}</span>
      {progress ? <span className={styles.muted}>{progress}</span> : null}
      <span className={styles.spacer} />
      {bin ? (
        <Button
          icon={<UndoOutlined />}
          disabled={!!progress}
          onClick={() => void run((r) => api.records.restore(formId, r.id), "data.bulk.restored")}
        >
          {t("data.restore")}
        </Button>
      ) : (
        <>
          <Button icon={<EditOutlined />} disabled={!!progress} onClick={() => setEditing(true)}>
            {t("data.bulk.edit")}
          </Button>
          <Popconfirm
            title={t("data.bulk.deleteConfirm", { count: selected.length })}
            okText={t("data.delete")}
            cancelText={t("common.cancel")}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              void run((r) => api.records.remove(formId, r.id, r.version), "data.bulk.deleted")
            }
          >
            <Button danger icon={<DeleteOutlined />} disabled={!!progress}>
              {t("data.delete")}
            </Button>
          </Popconfirm>
        </>
      )}
      {editing ? (
        <BulkEditModal
          count={selected.length}
          columns={columns}
          labelOf={labelOf}
          onCancel={() => setEditing(false)}
          onSubmit={(field, value) => {
            setEditing(false);
            void run(
              (r) => api.records.update(formId, r.id, { [field]: value }, r.version),
              "data.bulk.updated",
            );
          }}
        />
      ) : null}
    </div>
  );
}
