import { EditOutlined, FunctionOutlined } from "@ant-design/icons";
import { fieldTypes } from "@formwork/fields";
import { FIELD_WIDTHS, type FieldDefinition, type FieldWidth, type JsonLogic } from "@formwork/schema";
import { Button, Collapse, Empty, Form, Modal, Select, Switch, Tag } from "antd";
import { lazy, type ReactNode, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { localize } from "../../common/localized-text";
import styles from "../designer.module.css";
import { FieldIcon } from "../palette/field-icons";
import { RuleBuilder } from "../rules/RuleBuilder";
import type { FieldPatch } from "../state/definition-history";
import { useDesigner } from "../state/designer-context";
import { allFieldIds, fieldsAt, findField } from "../state/field-tree";
import { DefaultValueInput } from "./DefaultValueInput";
import { FieldIdInput } from "./FieldIdInput";
import { LocalizedInput } from "./LocalizedInput";
import { SettingInput } from "./SettingInput";
import { settingControls } from "./settings-controls";

// The formula editor (parser, checker, function library) loads with its first use, not with the panel.
const FormulaEditor = lazy(() =>
  import("../formula/FormulaEditor").then((module) => ({ default: module.FormulaEditor })),
);

/**
 * A labelled row, drawn like a vertical antd form item. Not Form.Item itself: the panel re-renders on
 * every keystroke, and each Form.Item measures its own visibility while rendering (a forced layout of
 * the page, 200 canvas cards included) and carries status contexts this panel never uses.
 */
function Row({ label, htmlFor, children }: { label: string; htmlFor?: string; children: ReactNode }) {
  return (
    <div className={styles.propRow}>
      <div className={styles.propLabel}>
        {htmlFor ? <label htmlFor={htmlFor}>{label}</label> : <span>{label}</span>}
      </div>
      {children}
    </div>
  );
}

/** The selected field's properties: common ones, then its type's settings generated from its schema. */
export function PropertyPanel() {
  const { t, i18n } = useTranslation();
  const { definition, dispatch, selection, select } = useDesigner();
  const [editing, setEditing] = useState<"formula" | "rule">();
  const field = selection ? findField(definition, selection.id, selection.parent) : undefined;
  if (!selection || !field) {
    return (
      <aside className={styles.properties} aria-label={t("designer.props.title")}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("designer.props.nothing")} />
      </aside>
    );
  }
  const type = fieldTypes[field.type];
  const parent = selection.parent;
  const update = (patch: FieldPatch, key?: string) =>
    dispatch({
      type: "update",
      id: field.id,
      parent,
      patch,
      coalesce: key ? `${field.id}.${key}` : undefined,
    });
  const values = field as unknown as Record<string, unknown>;
  const layout = field.type === "divider" || field.type === "description";
  // Display rules may test fields of the same list (a column's rule reads its row's cells).
  const ruleFields = fieldsAt(definition, parent).filter((f) => f.id !== field.id);
  const controls = settingControls(field.type);

  const sections = [
    {
      key: "basic",
      label: t("designer.props.basic"),
      children: (
        <>
          <Row label={t("designer.props.label")} htmlFor="prop-label-zh-CN">
            <LocalizedInput
              id="prop-label"
              value={field.label}
              onChange={(label) => update({ label: label ?? "" }, "label")}
            />
          </Row>
          {layout ? null : (
            <Row label={t("designer.props.description")}>
              <LocalizedInput
                multiline
                value={field.description}
                onChange={(description) => update({ description }, "description")}
              />
            </Row>
          )}
          {layout ? null : (
            <Row label={t("designer.props.width")} htmlFor="prop-width">
              <Select
                id="prop-width"
                value={field.width ?? "full"}
                options={FIELD_WIDTHS.map((w) => ({
                  value: w,
                  label: t(`designer.width.${w.replace("/", "_")}`),
                }))}
                onChange={(width: FieldWidth) => update({ width })}
              />
            </Row>
          )}
          {type.validationProps.includes("required") ? (
            <Row label={t("designer.props.required")} htmlFor="prop-required">
              <Switch
                id="prop-required"
                checked={field.required === true}
                onChange={(on) => update({ required: on || undefined })}
              />
            </Row>
          ) : null}
          {type.validationProps.includes("unique") && parent === undefined ? (
            <Row label={t("designer.props.unique")} htmlFor="prop-unique">
              <Switch
                id="prop-unique"
                checked={field.unique === true}
                onChange={(on) => update({ unique: on || undefined })}
              />
            </Row>
          ) : null}
          {type.defaultModes.length > 0 && !field.formula ? (
            <Row label={t("designer.props.default")} htmlFor="prop-default-mode">
              <DefaultValueInput field={field} onChange={(value) => update({ default: value })} />
            </Row>
          ) : null}
        </>
      ),
    },
    ...(controls.length > 0
      ? [
          {
            key: "settings",
            label: t("designer.props.settings"),
            children: controls.map((control) => (
              <Row
                key={control.key}
                label={t(`designer.settings.${control.key}`)}
                htmlFor={`prop-setting-${control.key}`}
              >
                <SettingInput
                  id={`prop-setting-${control.key}`}
                  control={control}
                  value={values[control.key]}
                  onChange={(value) => update({ [control.key]: value }, control.key)}
                />
              </Row>
            )),
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
                {type.computable ? (
                  <Row label={t("designer.props.formula")}>
                    <div className={styles.stack}>
                      {field.formula ? <code className={styles.codeBlock}>= {field.formula}</code> : null}
                      <Button
                        icon={<FunctionOutlined />}
                        onClick={() => setEditing("formula")}
                        data-testid="edit-formula"
                      >
                        {field.formula ? t("designer.props.editFormula") : t("designer.props.addFormula")}
                      </Button>
                    </div>
                  </Row>
                ) : null}
                <Row label={t("designer.props.visibleWhen")}>
                  <div className={styles.stack}>
                    {field.visibleWhen !== undefined ? (
                      <Tag color="blue">{t("designer.props.hasRule")}</Tag>
                    ) : null}
                    <Button
                      icon={<EditOutlined />}
                      onClick={() => setEditing("rule")}
                      data-testid="edit-rule"
                    >
                      {field.visibleWhen !== undefined
                        ? t("designer.props.editRule")
                        : t("designer.props.addRule")}
                    </Button>
                  </div>
                </Row>
              </>
            ),
          },
        ]),
    {
      key: "advanced",
      label: t("designer.props.advanced"),
      children: (
        <>
          <Row label={t("designer.props.id")} htmlFor="prop-id">
            <FieldIdInput
              id={field.id}
              taken={allFieldIds(definition)}
              onRename={(id) => {
                update({ id });
                select({ id, parent });
              }}
            />
          </Row>
          {layout || field.formula ? null : (
            <Row label={t("designer.props.readonly")} htmlFor="prop-readonly">
              <Switch
                id="prop-readonly"
                checked={field.readonly === true}
                onChange={(on) => update({ readonly: on || undefined })}
              />
            </Row>
          )}
          {type.stored && parent === undefined && field.type !== "subform" ? (
            <Row label={t("designer.props.indexed")} htmlFor="prop-indexed">
              <Switch
                id="prop-indexed"
                checked={field.indexed === true}
                onChange={(on) => update({ indexed: on || undefined })}
              />
            </Row>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <aside className={styles.properties} aria-label={t("designer.props.title")} data-testid="property-panel">
      <div className={styles.propHeader}>
        <FieldIcon type={field.type} />
        <span>{localize(type.label, i18n.language)}</span>
        <code>{field.id}</code>
      </div>
      <Form layout="vertical" size="middle" component="div">
        <Collapse ghost size="small" defaultActiveKey={["basic", "settings", "logic"]} items={sections} />
      </Form>
      {/* The dialogs exist only while open: closed, they re-rendered (and re-derived the formula
          environment of the whole form) on every keystroke in the panel. */}
      {editing === "formula" ? (
        <Suspense fallback={null}>
          <FormulaEditor
            open
            definition={definition}
            fieldId={field.id}
            parent={parent}
            value={field.formula}
            onClose={() => setEditing(undefined)}
            onSave={(formula) => {
              update({ formula, ...(formula ? { default: undefined } : {}) });
              setEditing(undefined);
            }}
          />
        </Suspense>
      ) : null}
      {editing === "rule" ? (
        <RuleModal
          open
          field={field}
          fields={ruleFields}
          onClose={() => setEditing(undefined)}
          onSave={(visibleWhen) => {
            update({ visibleWhen });
            setEditing(undefined);
          }}
        />
      ) : null}
    </aside>
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
