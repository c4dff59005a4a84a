import { DeleteOutlined, PlusOutlined, SubnodeOutlined } from "@ant-design/icons";
import type { FilterOperator } from "@formwork/fields";
import { Alert, Button, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import styles from "./data.module.css";
import { FieldValueInput } from "./FieldValueInput";
import {
  addCondition,
  addGroup,
  blankCondition,
  type ItemPath,
  removeItem,
  setMatch,
  updateItem,
} from "./filter-edit";
import {
  emptyFilter,
  type FilterCondition,
  type FilterGroup,
  groupToLogic,
  isGroup,
  logicToGroup,
  valueShape,
} from "./filter-model";
import type { GridColumn } from "./record-columns";

interface Props {
  columns: GridColumn[];
  columnLabel(column: GridColumn): string;
  /** The applied filter (json-logic) or undefined. */
  applied: unknown;
  onApply(filter: unknown): void;
}

function initialDraft(applied: unknown): FilterGroup | undefined {
  const group = logicToGroup(applied);
  if (!group) return undefined;
  return group.items.length > 0 ? group : { ...group, items: [blankCondition()] };
}

/**
 * Conditions in groups — the whole filter matches all or any of its items, and a condition group inside
 * it matches all or any of its own (满足所有 / 满足任一). Edits apply only on Apply, so typing does not query.
 */
export function FilterPanel({ columns, columnLabel, applied, onApply }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<FilterGroup | undefined>(() => initialDraft(applied));
  const byId = new Map(columns.map((c) => [c.id, c]));
  const filterable = columns.filter((c) => c.operators.length > 0);

  if (!draft) {
    return (
      <section className={styles.filterPanel} aria-label={t("data.filter.title")} data-testid="filter-panel">
        <Alert type="info" showIcon message={t("views.filter.unsupported")} />
        <div className={styles.filterActions}>
          <Button
            onClick={() => {
              setDraft({ ...emptyFilter(), items: [blankCondition()] });
              onApply(undefined);
            }}
          >
            {t("views.filter.clearUnsupported")}
          </Button>
        </div>
      </section>
    );
  }

  const edit = (path: ItemPath, patch: Partial<FilterCondition>) =>
    setDraft((group) => group && updateItem(group, path, (item) => ({ ...item, ...patch })));

  const chooseField = (path: ItemPath, field: string) => {
    const column = byId.get(field);
    const op = column?.operators.includes("eq") ? "eq" : (column?.operators[0] ?? "eq");
    edit(path, { field, op, value: undefined });
  };

  const chooseOperator = (path: ItemPath, previous: FilterCondition, op: FilterOperator) => {
    // A value keeps its meaning only while the operator takes the same shape of value.
    const keep = valueShape(previous.op) === valueShape(op);
    edit(path, { op, value: keep ? previous.value : undefined });
  };

  const matchSelect = (group: FilterGroup, path: ItemPath, nested: boolean) => (
    <Select
      size="small"
      aria-label={t("views.filter.match")}
      data-testid={nested ? "filter-group-match" : "filter-match"}
      value={group.match}
      popupMatchSelectWidth={false}
      options={
        nested
          ? [
              { value: "all", label: t("views.filter.groupAll") },
              { value: "any", label: t("views.filter.groupAny") },
            ]
          : [
              { value: "all", label: t("views.filter.all") },
              { value: "any", label: t("views.filter.any") },
            ]
      }
      onChange={(match: FilterGroup["match"]) => setDraft((top) => top && setMatch(top, path, match))}
    />
  );

  const conditionRow = (condition: FilterCondition, path: ItemPath) => {
    const column = byId.get(condition.field);
    const shape = valueShape(condition.op);
    return (
      <div className={styles.filterRow} key={path.join(".")} data-testid="filter-condition">
        <Select
          className={styles.filterField}
          aria-label={t("data.filter.field")}
          placeholder={t("data.filter.field")}
          showSearch={{ optionFilterProp: "label" }}
          value={condition.field || undefined}
          options={filterable.map((c) => ({ value: c.id, label: columnLabel(c) }))}
          onChange={(field: string) => chooseField(path, field)}
        />
        <Select
          className={styles.filterOperator}
          aria-label={t("data.filter.operator")}
          value={condition.op}
          disabled={!column}
          options={(column?.operators ?? []).map((op) => ({ value: op, label: t(`data.operators.${op}`) }))}
          onChange={(op: FilterOperator) => chooseOperator(path, condition, op)}
        />
        <div className={styles.filterValue}>
          {column && shape !== "none" ? (
            <FieldValueInput
              column={column}
              shape={shape}
              value={condition.value}
              onChange={(value) => edit(path, { value })}
            />
          ) : null}
        </div>
        <Button
          type="text"
          icon={<DeleteOutlined />}
          aria-label={t("data.filter.remove")}
          onClick={() => setDraft((top) => top && removeItem(top, path))}
        />
      </div>
    );
  };

  return (
    <section className={styles.filterPanel} aria-label={t("data.filter.title")} data-testid="filter-panel">
      <div className={styles.filterMatch}>
        {t("views.filter.show")}
        {matchSelect(draft, [], false)}
        {t("views.filter.conditions")}
      </div>
      {draft.items.map((item, index) =>
        isGroup(item) ? (
          <fieldset
            className={styles.filterGroup}
            key={index}
            data-testid="filter-group"
            aria-label={t("views.filter.group")}
          >
            <div className={styles.filterMatch}>
              {matchSelect(item, [index], true)}
              <span className={styles.spacer} />
              <Button
                size="small"
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t("views.filter.removeGroup")}
                onClick={() => setDraft((top) => top && removeItem(top, [index]))}
              />
            </div>
            {item.items.map((inner, innerIndex) =>
              isGroup(inner) ? null : conditionRow(inner, [index, innerIndex]),
            )}
            <div>
              <Button
                size="small"
                type="dashed"
                icon={<PlusOutlined />}
                data-testid="filter-group-add"
                onClick={() => setDraft((top) => top && addCondition(top, [index]))}
              >
                {t("data.filter.add")}
              </Button>
            </div>
          </fieldset>
        ) : (
          conditionRow(item, [index])
        ),
      )}
      <div className={styles.filterActions}>
        <Button icon={<PlusOutlined />} onClick={() => setDraft((top) => top && addCondition(top))}>
          {t("data.filter.add")}
        </Button>
        <Button
          icon={<SubnodeOutlined />}
          data-testid="filter-add-group"
          onClick={() => setDraft((top) => top && addGroup(top))}
        >
          {t("views.filter.addGroup")}
        </Button>
        <span className={styles.spacer} />
        <Button
          onClick={() => {
            setDraft({ ...emptyFilter(), items: [blankCondition()] });
            onApply(undefined);
          }}
        >
          {t("data.filter.clear")}
        </Button>
        <Button type="primary" data-testid="filter-apply" onClick={() => onApply(groupToLogic(draft))}>
          {t("data.filter.apply")}
        </Button>
      </div>
    </section>
  );
}
