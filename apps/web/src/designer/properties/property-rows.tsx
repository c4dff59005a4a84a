// The property panel's rows. Each row subscribes to the one property it edits, so a keystroke in the
// label re-renders the label row (and the canvas card), not the panel's other rows, sections and
// antd Collapse (issue 4: a keystroke within 16 ms on a 200-field form).
import { EditOutlined, FunctionOutlined } from "@ant-design/icons";
import { FIELD_WIDTHS, type FieldType, type FieldWidth } from "@formwork/schema";
import { Button, Select, Switch, Tag } from "antd";
import { createContext, memo, type ReactNode, useContext, useMemo } from "react";
import { useTranslation } from "react-i18next";
import styles from "../designer.module.css";
import type { FieldPatch } from "../state/definition-history";
import { useDesignerSelector } from "../state/designer-context";
import { type DesignerSnapshot, fieldById } from "../state/designer-store";
import { allFieldIds } from "../state/field-tree";
import { DefaultValueInput } from "./DefaultValueInput";
import { FieldIdInput } from "./FieldIdInput";
import { LocalizedInput } from "./LocalizedInput";
import { SettingInput } from "./SettingInput";
import type { SettingControl } from "./settings-controls";

/** The field the panel edits and how to change it; stable while the panel shows that field. */
export interface PanelField {
  id: string;
  parent?: string;
  /** Patches the field; the same `key` twice in a row is one undo step (typing). */
  update: (patch: FieldPatch, key?: string) => void;
}

export const PanelFieldContext = createContext<PanelField | null>(null);

function usePanelField(): PanelField {
  const panel = useContext(PanelFieldContext);
  if (!panel) throw new Error("a property row is used outside the property panel");
  return panel;
}

/** One property of the panel's field, re-rendering only when that property changes. */
export function useFieldProp<T>(key: string): T {
  const { id, parent } = usePanelField();
  return useDesignerSelector(
    (state) => (fieldById(state.history.present, id, parent) as Record<string, unknown> | undefined)?.[key],
  ) as T;
}

/**
 * A labelled row, drawn like a vertical antd form item. Not Form.Item itself: each Form.Item measures
 * its own visibility while rendering (a forced layout of the page, 200 canvas cards included) and
 * carries status contexts this panel never uses.
 */
export function Row({ label, htmlFor, children }: { label: string; htmlFor?: string; children: ReactNode }) {
  return (
    <div className={styles.propRow}>
      <div className={styles.propLabel}>
        {htmlFor ? <label htmlFor={htmlFor}>{label}</label> : <span>{label}</span>}
      </div>
      {children}
    </div>
  );
}

export const LocalizedRow = memo(function LocalizedRow({
  prop,
  label,
  multiline,
}: {
  prop: "label" | "description";
  label: string;
  multiline?: boolean;
}) {
  const { update } = usePanelField();
  const value = useFieldProp<Parameters<typeof LocalizedInput>[0]["value"]>(prop);
  const id = multiline ? undefined : `prop-${prop}`;
  return (
    <Row label={label} htmlFor={id ? `${id}-zh-CN` : undefined}>
      <LocalizedInput
        id={id}
        multiline={multiline}
        value={value}
        onChange={(next) => update({ [prop]: prop === "label" ? (next ?? "") : next }, prop)}
      />
    </Row>
  );
});

export const WidthRow = memo(function WidthRow() {
  const { t } = useTranslation();
  const { update } = usePanelField();
  const width = useFieldProp<FieldWidth | undefined>("width");
  const options = useMemo(
    () => FIELD_WIDTHS.map((w) => ({ value: w, label: t(`designer.width.${w.replace("/", "_")}`) })),
    [t],
  );
  return (
    <Row label={t("designer.props.width")} htmlFor="prop-width">
      <Select
        id="prop-width"
        value={width ?? "full"}
        options={options}
        onChange={(next: FieldWidth) => update({ width: next })}
      />
    </Row>
  );
});

/** A yes/no property stored only when on (`required`, `unique`, `readonly`, `indexed`). */
export const FlagRow = memo(function FlagRow({ prop }: { prop: string }) {
  const { t } = useTranslation();
  const { update } = usePanelField();
  const on = useFieldProp<boolean | undefined>(prop) === true;
  return (
    <Row label={t(`designer.props.${prop}`)} htmlFor={`prop-${prop}`}>
      <Switch id={`prop-${prop}`} checked={on} onChange={(next) => update({ [prop]: next || undefined })} />
    </Row>
  );
});

export const DefaultRow = memo(function DefaultRow({ type }: { type: FieldType }) {
  const { t } = useTranslation();
  const { update } = usePanelField();
  const value = useFieldProp<Parameters<typeof DefaultValueInput>[0]["value"]>("default");
  return (
    <Row label={t("designer.props.default")} htmlFor="prop-default-mode">
      <DefaultValueInput type={type} value={value} onChange={(next) => update({ default: next })} />
    </Row>
  );
});

export const SettingRow = memo(function SettingRow({ control }: { control: SettingControl }) {
  const { t } = useTranslation();
  const { update } = usePanelField();
  const value = useFieldProp<unknown>(control.key);
  return (
    <Row label={t(`designer.settings.${control.key}`)} htmlFor={`prop-setting-${control.key}`}>
      <SettingInput
        id={`prop-setting-${control.key}`}
        control={control}
        value={value}
        onChange={(next) => update({ [control.key]: next }, control.key)}
      />
    </Row>
  );
});

export const FormulaRow = memo(function FormulaRow({ onEdit }: { onEdit: () => void }) {
  const { t } = useTranslation();
  const formula = useFieldProp<string | undefined>("formula");
  return (
    <Row label={t("designer.props.formula")}>
      <div className={styles.stack}>
        {formula ? <code className={styles.codeBlock}>= {formula}</code> : null}
        <Button icon={<FunctionOutlined />} onClick={onEdit} data-testid="edit-formula">
          {formula ? t("designer.props.editFormula") : t("designer.props.addFormula")}
        </Button>
      </div>
    </Row>
  );
});

export const RuleRow = memo(function RuleRow({ onEdit }: { onEdit: () => void }) {
  const { t } = useTranslation();
  const hasRule = useFieldProp<unknown>("visibleWhen") !== undefined;
  return (
    <Row label={t("designer.props.visibleWhen")}>
      <div className={styles.stack}>
        {hasRule ? <Tag color="blue">{t("designer.props.hasRule")}</Tag> : null}
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="edit-rule">
          {hasRule ? t("designer.props.editRule") : t("designer.props.addRule")}
        </Button>
      </div>
    </Row>
  );
});

// Every id of the form as one string: a primitive, so the id row re-renders when ids change only.
const allIdsOf = (state: DesignerSnapshot) => allFieldIds(state.history.present).join("\n");

export const IdRow = memo(function IdRow({ onRename }: { onRename: (id: string) => void }) {
  const { t } = useTranslation();
  const { id } = usePanelField();
  const ids = useDesignerSelector(allIdsOf);
  const taken = useMemo(() => ids.split("\n"), [ids]);
  return (
    <Row label={t("designer.props.id")} htmlFor="prop-id">
      <FieldIdInput id={id} taken={taken} onRename={onRename} />
    </Row>
  );
});
