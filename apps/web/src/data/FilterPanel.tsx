import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { FilterOperator } from "@formwork/fields";
import { Button, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import styles from "./data.module.css";
import { FieldValueInput } from "./FieldValueInput";
import { type FilterCondition, isComplete, valueShape } from "./filter-model";
import type { GridColumn } from "./record-columns";

interface Props {
  columns: GridColumn[];
  columnLabel(column: GridColumn): string;
  applied: FilterCondition[];
  onApply(conditions: FilterCondition[]): void;
}

/** "All of these hold": one row per condition; edits apply only on Apply, so typing does not query. */
export function FilterPanel({ columns, columnLabel, applied, onApply }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<FilterCondition[]>(() =>
    applied.length > 0 ? applied : [{ field: "", op: "eq" }],
  );
  const byId = new Map(columns.map((c) => [c.id, c]));
  const filterable = columns.filter((c) => c.operators.length > 0);

  const update = (index: number, patch: Partial<FilterCondition>) =>
    setDraft((list) => list.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  const chooseField = (index: number, field: string) => {
    const column = byId.get(field);
    const op = column?.operators.includes("eq") ? "eq" : (column?.operators[0] ?? "eq");
    update(index, { field, op, value: undefined });
  };

  const chooseOperator = (index: number, op: FilterOperator) => {
    const previous = draft[index];
    // A value keeps its meaning only while the operator takes the same shape of value.
    const keep = previous && valueShape(previous.op) === valueShape(op);
    update(index, { op, value: keep ? previous.value : undefined });
  };

  return (
    <section className={styles.filterPanel} aria-label={t("data.filter.title")} data-testid="filter-panel">
      <div className={styles.filterHint}>{t("data.filter.all")}</div>
      {draft.map((condition, index) => {
        const column = byId.get(condition.field);
        const shape = valueShape(condition.op);
        return (
          <div className={styles.filterRow} key={index}>
            <Select
              className={styles.filterField}
              aria-label={t("data.filter.field")}
              placeholder={t("data.filter.field")}
              showSearch={{ optionFilterProp: "label" }}
              value={condition.field || undefined}
              options={filterable.map((c) => ({ value: c.id, label: columnLabel(c) }))}
              onChange={(field: string) => chooseField(index, field)}
            />
            <Select
              className={styles.filterOperator}
              aria-label={t("data.filter.operator")}
              value={condition.op}
              disabled={!column}
              options={(column?.operators ?? []).map((op) => ({
                value: op,
                label: t(`data.operators.${op}`),
              }))}
              onChange={(op: FilterOperator) => chooseOperator(index, op)}
            />
            <div className={styles.filterValue}>
              {column && shape !== "none" ? (
                <FieldValueInput
                  column={column}
                  shape={shape}
                  value={condition.value}
                  onChange={(value) => update(index, { value })}
                />
              ) : null}
            </div>
            <Button
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t("data.filter.remove")}
              onClick={() => setDraft((list) => list.filter((_, i) => i !== index))}
            />
          </div>
        );
      })}
      <div className={styles.filterActions}>
        <Button
          icon={<PlusOutlined />}
          onClick={() => setDraft((list) => [...list, { field: "", op: "eq" }])}
        >
          {t("data.filter.add")}
        </Button>
        <span className={styles.spacer} />
        <Button
          onClick={() => {
            setDraft([{ field: "", op: "eq" }]);
            onApply([]);
          }}
        >
          {t("data.filter.clear")}
        </Button>
        <Button type="primary" data-testid="filter-apply" onClick={() => onApply(draft.filter(isComplete))}>
          {t("data.filter.apply")}
        </Button>
      </div>
    </section>
  );
}
