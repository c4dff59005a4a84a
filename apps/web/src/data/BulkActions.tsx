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

  const report = async (succeeded: number, failed: { id: string; error: unknown }[], doneKey: string) => {
    setProgress(null);
    await invalidate();
    if (succeeded > 0) message.success(t(doneKey, { count: succeeded }));
    if (failed.length > 0) {
      modal.error({
        title: t("data.bulk.failedTitle", { count: failed.length }),
        content: (
          <ul className={styles.failures}>
            {failed.map(({ id, error }) => (
              <li key={id}>
                <code>{id.slice(0, 8)}</code> {failureText(error, t)}
              </li>
            ))}
          </ul>
        ),
      });
    }
    onDone();
  };

  /** Deletes and restores: one request per record, with progress. */
  const run = async (action: (record: FormRecord) => PromiseLike<unknown>, doneKey: string) => {
    setProgress(t("data.bulk.progress", { done: 0, total: selected.length }));
    const outcome: BulkOutcome<FormRecord> = await runSequentially(selected, action, (done, total) =>
      setProgress(t("data.bulk.progress", { done, total })),
    );
    const failed = outcome.failed.map(({ item, error }) => ({ id: item.id, error }));
    await report(outcome.succeeded.length, failed, doneKey);
  };

  /**
   * An edit is one request: the server writes every record in one transaction (automations set to fire
   * on bulk edits run) and reports the ones it refused.
   */
  const edit = async (field: string, value: unknown) => {
    setProgress(t("data.bulk.working"));
    try {
      const ids = selected.map((record) => record.id);
      const outcome = await api.records.updateMany(formId, { ids }, { [field]: value });
      await report(outcome.updated.length, outcome.failed, "data.bulk.updated");
    } catch (error) {
      // Refused as a whole (a read-only field, no edit right): nothing was written.
      setProgress(null);
      message.error(failureText(error, t));
    }
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
            void edit(field, value);
          }}
        />
      ) : null}
    </div>
  );
}
