import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { fieldTypes } from "@formwork/fields";
import type { FieldDefinition, JsonLogic } from "@formwork/schema";
import { Button, Input, InputNumber, Segmented, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { localize } from "../../common/localized-text";
import styles from "../designer.module.css";
import { JsonInput } from "../properties/JsonInput";
import {
  emptyGroup,
  isDynamicValue,
  logicToRule,
  RULE_OPERATORS,
  type RuleCondition,
  type RuleGroup,
  ruleToLogic,
  takesValue,
} from "./rule-model";

const NUMERIC = new Set(["number", "money", "rating", "aggregate"]);
const ORDERED = new Set([...NUMERIC, "date", "datetime"]);

/**
 * Values resolved when the rule runs (row permissions: the current user, their departments), offered
 * beside fixed values; `in` ("belongs to one of") is offered only with them. Labels come from the caller.
 */
export interface DynamicValueOptions {
  values: { value: string; label: string }[];
  fixedLabel: string;
  inLabel: string;
}

interface RuleBuilderProps {
  /** Fields a condition may test. */
  fields: FieldDefinition[];
  value: JsonLogic | undefined;
  onChange: (logic: JsonLogic | undefined) => void;
  dynamic?: DynamicValueOptions;
}

function operatorsFor(field: FieldDefinition | undefined, dynamic: boolean) {
  return RULE_OPERATORS.filter((op) => {
    if (op === "in") return dynamic;
    if (op === ">" || op === ">=" || op === "<" || op === "<=") return field ? ORDERED.has(field.type) : true;
    if (op === "contains") return field ? !NUMERIC.has(field.type) : true;
    return true;
  });
}

/** A fixed value, or (with `dynamic`) one of the dynamic values; `in` takes dynamic lists only. */
function ValueChoice({
  field,
  condition,
  dynamic,
  onChange,
}: {
  field: FieldDefinition | undefined;
  condition: RuleCondition;
  dynamic: DynamicValueOptions | undefined;
  onChange: (v: RuleCondition["value"]) => void;
}) {
  const { t } = useTranslation();
  if (!dynamic) return <ValueInput field={field} condition={condition} onChange={onChange} />;
  const current = isDynamicValue(condition.value) ? condition.value.var : "";
  const choices = [
    ...(condition.op === "in" ? [] : [{ value: "", label: dynamic.fixedLabel }]),
    ...dynamic.values,
  ];
  return (
    <>
      <Select
        className={styles.ruleValue}
        aria-label={t("designer.rules.value")}
        value={current}
        options={choices}
        data-testid="rule-dynamic-value"
        onChange={(choice: string) => onChange(choice ? { var: choice } : null)}
      />
      {current === "" && condition.op !== "in" ? (
        <ValueInput field={field} condition={condition} onChange={onChange} />
      ) : null}
    </>
  );
}

function ValueInput({
  field,
  condition,
  onChange,
}: {
  field: FieldDefinition | undefined;
  condition: RuleCondition;
  onChange: (v: RuleCondition["value"]) => void;
}) {
  const { t, i18n } = useTranslation();
  if (field && "options" in field && Array.isArray(field.options)) {
    return (
      <Select
        className={styles.ruleValue}
        value={typeof condition.value === "string" ? condition.value : undefined}
        placeholder={t("designer.rules.value")}
        options={field.options.map((o) => ({
          value: o.value,
          label: localize(o.label, i18n.language) || o.value,
        }))}
        onChange={onChange}
      />
    );
  }
  if (field && NUMERIC.has(field.type)) {
    return (
      <InputNumber
        className={styles.ruleValue}
        aria-label={t("designer.rules.value")}
        value={typeof condition.value === "number" ? condition.value : null}
        onChange={(v) => onChange(v ?? null)}
      />
    );
  }
  return (
    <Input
      className={styles.ruleValue}
      aria-label={t("designer.rules.value")}
      placeholder={t("designer.rules.value")}
      value={condition.value === null || condition.value === undefined ? "" : String(condition.value)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

function GroupEditor({
  group,
  fields,
  depth,
  dynamic,
  onChange,
  onRemove,
}: {
  group: RuleGroup;
  fields: FieldDefinition[];
  depth: number;
  dynamic?: DynamicValueOptions | undefined;
  onChange: (group: RuleGroup) => void;
  onRemove?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const setItem = (index: number, item: RuleGroup["items"][number] | undefined) =>
    onChange({
      ...group,
      items:
        item === undefined
          ? group.items.filter((_, i) => i !== index)
          : group.items.map((it, i) => (i === index ? item : it)),
    });
  const firstField = fields[0]?.id ?? "";
  return (
    <div className={styles.ruleGroup} data-depth={depth}>
      <div className={styles.ruleGroupHeader}>
        <span>{t("designer.rules.when")}</span>
        <Segmented
          size="small"
          value={group.match}
          options={[
            { value: "all", label: t("designer.rules.all") },
            { value: "any", label: t("designer.rules.any") },
          ]}
          onChange={(match) => onChange({ ...group, match: match as RuleGroup["match"] })}
        />
        <span>{t("designer.rules.hold")}</span>
        {onRemove ? (
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t("designer.rules.removeGroup")}
            onClick={onRemove}
          />
        ) : null}
      </div>
      {group.items.map((item, index) =>
        item.kind === "group" ? (
          <GroupEditor
            key={index}
            group={item}
            fields={fields}
            depth={depth + 1}
            dynamic={dynamic}
            onChange={(next) => setItem(index, next)}
            onRemove={() => setItem(index, undefined)}
          />
        ) : (
          <div key={index} className={styles.ruleRow} data-testid="rule-condition">
            <Select
              className={styles.ruleField}
              showSearch
              optionFilterProp="label"
              aria-label={t("designer.rules.field")}
              value={item.field || undefined}
              placeholder={t("designer.rules.field")}
              options={fields.map((f) => ({ value: f.id, label: localize(f.label, i18n.language) || f.id }))}
              onChange={(field: string) => setItem(index, { ...item, field })}
            />
            <Select
              className={styles.ruleOp}
              aria-label={t("designer.rules.operator")}
              value={item.op}
              options={operatorsFor(
                fields.find((f) => f.id === item.field),
                dynamic !== undefined,
              ).map((op) => ({
                value: op,
                label: op === "in" && dynamic ? dynamic.inLabel : t(`designer.rules.op.${op}`),
              }))}
              onChange={(op: RuleCondition["op"]) =>
                setItem(
                  index,
                  takesValue(op) ? { ...item, op } : { kind: "condition", field: item.field, op },
                )
              }
            />
            {takesValue(item.op) ? (
              <ValueChoice
                field={fields.find((f) => f.id === item.field)}
                condition={item}
                dynamic={dynamic}
                onChange={(value) => setItem(index, { ...item, value })}
              />
            ) : null}
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t("designer.rules.removeCondition")}
              onClick={() => setItem(index, undefined)}
            />
          </div>
        ),
      )}
      <div className={styles.ruleButtons}>
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() =>
            onChange({
              ...group,
              items: [...group.items, { kind: "condition", field: firstField, op: "==", value: null }],
            })
          }
        >
          {t("designer.rules.addCondition")}
        </Button>
        {depth === 0 ? (
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => onChange({ ...group, items: [...group.items, emptyGroup("any")] })}
          >
            {t("designer.rules.addGroup")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** "When <field> <operator> <value>" in all/any groups, read from and written as json-logic. */
export function RuleBuilder({ fields, value, onChange, dynamic }: RuleBuilderProps) {
  const { t } = useTranslation();
  // The editor keeps its own model so half-built rows (a group not yet filled) survive a render; it
  // re-reads `value` only when that changes from outside (undo, another field selected).
  const [rule, setRule] = useState(() => logicToRule(value));
  useEffect(() => {
    setRule((current) =>
      current && JSON.stringify(ruleToLogic(current)) === JSON.stringify(value ?? true)
        ? current
        : logicToRule(value),
    );
  }, [value]);
  const usable = fields.filter((f) => fieldTypes[f.type].stored && f.type !== "subform");
  if (!rule) {
    return (
      <div className={styles.stack}>
        <p className={styles.hint}>{t("designer.rules.custom")}</p>
        <JsonInput value={value} onChange={(next) => onChange(next as JsonLogic | undefined)} />
      </div>
    );
  }
  return (
    <GroupEditor
      group={rule}
      fields={usable}
      depth={0}
      dynamic={dynamic}
      onChange={(next) => {
        setRule(next);
        const logic = ruleToLogic(next);
        onChange(logic === true ? undefined : logic);
      }}
    />
  );
}
