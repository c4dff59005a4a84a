import { Form, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FieldValueInput } from "./FieldValueInput";
import { type GridColumn, isBulkEditable } from "./record-columns";

interface Props {
  count: number;
  columns: GridColumn[];
  labelOf(column: GridColumn): string;
  onCancel(): void;
  onSubmit(field: string, value: unknown): void;
}

const MULTI_VALUE_TYPES = new Set<string>(["checkbox", "multiselect"]);

/** Sets one field to one value on every selected record (an empty value clears the field). */
export function BulkEditModal({ count, columns, labelOf, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const editable = columns.filter(isBulkEditable);
  const [field, setField] = useState<string | undefined>(editable[0]?.id);
  const [value, setValue] = useState<unknown>(undefined);
  const column = editable.find((c) => c.id === field);
  const multi = !!column?.field && MULTI_VALUE_TYPES.has(column.field.type);

  return (
    <Modal
      open
      title={t("data.bulk.editTitle", { count })}
      okText={t("data.bulk.apply")}
      cancelText={t("common.cancel")}
      okButtonProps={{ disabled: !column }}
      onCancel={onCancel}
      onOk={() => column && onSubmit(column.id, value === undefined || value === "" ? null : value)}
    >
      <Form layout="vertical">
        <Form.Item label={t("data.bulk.field")} htmlFor="bulk-field">
          <Select
            id="bulk-field"
            value={field}
            options={editable.map((c) => ({ value: c.id, label: labelOf(c) }))}
            onChange={(next: string) => {
              setField(next);
              setValue(undefined);
            }}
          />
        </Form.Item>
        {column ? (
          <Form.Item label={t("data.bulk.value")} htmlFor="bulk-value" extra={t("data.bulk.valueHint")}>
            <FieldValueInput
              id="bulk-value"
              column={column}
              shape={multi ? "list" : "scalar"}
              value={value}
              onChange={setValue}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
