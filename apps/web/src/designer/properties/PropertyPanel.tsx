import { fieldTypes } from "@formwork/fields";
import type { FieldDefinition, JsonLogic } from "@formwork/schema";
import { Collapse, Empty, Form, Modal } from "antd";
import { lazy, Suspense, useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { localize } from "../../common/localized-text";
import styles from "../designer.module.css";
import { FieldIcon } from "../palette/field-icons";
import { RuleBuilder } from "../rules/RuleBuilder";
import {
  type Selection,
  useDesigner,
  useDesignerActions,
  useDesignerSelector,
} from "../state/designer-context";
import { type DesignerSnapshot, fieldById } from "../state/designer-store";
import { fieldsAt } from "../state/field-tree";
import {
  DefaultRow,
  FlagRow,
  FormulaRow,
  IdRow,
  LocalizedRow,
  type PanelField,
  PanelFieldContext,
  RuleRow,
  SettingRow,
  WidthRow,
} from "./property-rows";
import { settingControls } from "./settings-controls";

// The formula editor (parser, checker, function library) loads with its first use, not with the panel.
const FormulaEditor = lazy(() =>
  import("../formula/FormulaEditor").then((module) => ({ default: module.FormulaEditor })),
);

// What the panel's structure depends on (which rows and sections exist): the edited field's type,
// whether it is computed, and whether it still exists. Values are read by the rows themselves.
function useShape(selection: Selection | undefined) {
  const type = useDesignerSelector((state) =>
    selection ? fieldById(state.history.present, selection.id, selection.parent)?.type : undefined,
  );
  const computed = useDesignerSelector((state) =>
    selection ? Boolean(fieldById(state.history.present, selection.id, selection.parent)?.formula) : false,
  );
  return { type, computed };
}

const selectionOf = (state: DesignerSnapshot) => state.selection;

/**
 * The selected field's properties: common ones, then its type's settings generated from its schema.
 * The designer remounts it when the selection changes; it re-renders only when its rows change (a
 * type's computed switch), each row following its own property.
 */
export function PropertyPanel() {
  const { t, i18n } = useTranslation();
  const { dispatch, select } = useDesignerActions();
  const selection = useDesignerSelector(selectionOf);
  const [editing, setEditing] = useState<"formula" | "rule">();
  const { type: fieldType, computed } = useShape(selection);
  const id = selection?.id ?? "";
  const parent = selection?.parent;
  const panelField = useMemo<PanelField>(
    () => ({
      id,
      parent,
      update: (patch, key) =>
        dispatch({ type: "update", id, parent, patch, coalesce: key ? `${id}.${key}` : undefined }),
    }),
    [id, parent, dispatch],
  );
  const editFormula = useCallback(() => setEditing("formula"), []);
  const editRule = useCallback(() => setEditing("rule"), []);
  const rename = useCallback(
    (next: string) => {
      panelField.update({ id: next });
      select({ id: next, parent });
    },
    [panelField, select, parent],
  );
  const sections = useMemo(() => {
    if (!fieldType) return [];
    const type = fieldTypes[fieldType];
    const layout = fieldType === "divider" || fieldType === "description";
    const controls = settingControls(fieldType);
    return [
      {
        key: "basic",
        label: t("designer.props.basic"),
        children: (
          <>
            <LocalizedRow prop="label" label={t("designer.props.label")} />
            {layout ? null : (
              <LocalizedRow prop="description" label={t("designer.props.description")} multiline />
            )}
            {layout ? null : <WidthRow />}
            {type.validationProps.includes("required") ? <FlagRow prop="required" /> : null}
            {type.validationProps.includes("unique") && parent === undefined ? (
              <FlagRow prop="unique" />
            ) : null}
            {type.defaultModes.length > 0 && !computed ? <DefaultRow type={fieldType} /> : null}
          </>
        ),
      },
      ...(controls.length > 0
        ? [
            {
              key: "settings",
              label: t("designer.props.settings"),
              children: controls.map((control) => <SettingRow key={control.key} control={control} />),
            },
          ]
        : []),
      ...(layout
        ? []
        : [
            {
              key: "logic",
              label: t("designer.props.logic"),
              children: (
                <>
                  {type.computable ? <FormulaRow onEdit={editFormula} /> : null}
                  <RuleRow onEdit={editRule} />
                </>
              ),
            },
          ]),
      {
        key: "advanced",
        label: t("designer.props.advanced"),
        children: (
          <>
            <IdRow onRename={rename} />
            {layout || computed ? null : <FlagRow prop="readonly" />}
            {type.stored && parent === undefined && fieldType !== "subform" ? (
              <FlagRow prop="indexed" />
            ) : null}
          </>
        ),
      },
    ];
  }, [t, fieldType, computed, parent, editFormula, editRule, rename]);

  if (!selection || !fieldType) {
    return (
      <aside className={styles.properties} aria-label={t("designer.props.title")}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("designer.props.nothing")} />
      </aside>
    );
  }
  const type = fieldTypes[fieldType];

  return (
    <aside className={styles.properties} aria-label={t("designer.props.title")} data-testid="property-panel">
      <div className={styles.propHeader}>
        <FieldIcon type={fieldType} />
        <span>{localize(type.label, i18n.language)}</span>
        <code>{id}</code>
      </div>
      <PanelFieldContext.Provider value={panelField}>
        <Form layout="vertical" size="middle" component="div">
          <Collapse ghost size="small" defaultActiveKey={["basic", "settings", "logic"]} items={sections} />
        </Form>
      </PanelFieldContext.Provider>
      {/* The dialogs exist only while open: closed, they re-rendered (and re-derived the formula
          environment of the whole form) on every keystroke in the panel. */}
      {editing ? (
        <FieldDialog
          editing={editing}
          id={id}
          parent={parent}
          update={panelField.update}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </aside>
  );
}

/** The formula or rule dialog: it reads the whole definition (other fields), so only while open. */
function FieldDialog({
  editing,
  id,
  parent,
  update,
  onClose,
}: {
  editing: "formula" | "rule";
  id: string;
  parent: string | undefined;
  update: PanelField["update"];
  onClose: () => void;
}) {
  const { definition } = useDesigner();
  const field = fieldById(definition, id, parent);
  if (!field) return null;
  if (editing === "formula")
    return (
      <Suspense fallback={null}>
        <FormulaEditor
          open
          definition={definition}
          fieldId={field.id}
          parent={parent}
          value={field.formula}
          onClose={onClose}
          onSave={(formula) => {
            update({ formula, ...(formula ? { default: undefined } : {}) });
            onClose();
          }}
        />
      </Suspense>
    );
  // Display rules may test fields of the same list (a column's rule reads its row's cells).
  return (
    <RuleModal
      open
      field={field}
      fields={fieldsAt(definition, parent).filter((f) => f.id !== field.id)}
      onClose={onClose}
      onSave={(visibleWhen) => {
        update({ visibleWhen });
        onClose();
      }}
    />
  );
}

function RuleModal({
  open,
  field,
  fields,
  onSave,
  onClose,
}: {
  open: boolean;
  field: FieldDefinition;
  fields: FieldDefinition[];
  onSave: (logic: JsonLogic | undefined) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<JsonLogic | undefined>(field.visibleWhen);
  // Start from the field's rule as the dialog opens, in the same render: resetting it after the opening
  // animation (afterOpenChange) threw away a condition added during the animation.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setDraft(field.visibleWhen);
  }
  return (
    <Modal
      open={open}
      width={720}
      title={t("designer.rules.title", { label: localize(field.label, i18n.language) })}
      okText={t("designer.rules.apply")}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      onOk={() => onSave(draft)}
      okButtonProps={{ "data-testid": "rule-apply" }}
      destroyOnHidden
    >
      <p className={styles.hint}>{t("designer.rules.explain")}</p>
      <RuleBuilder fields={fields} value={draft} onChange={setDraft} />
    </Modal>
  );
}
