import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { fieldTypes } from "@formwork/fields";
import type { SubmitValidation } from "@formwork/schema";
import { Button, Divider, Drawer, Form, Select } from "antd";
import { useTranslation } from "react-i18next";
import { localize } from "../../common/localized-text";
import styles from "../designer.module.css";
import { LocalizedInput } from "../properties/LocalizedInput";
import { RuleBuilder } from "../rules/RuleBuilder";
import { useDesigner } from "../state/designer-context";

const TITLE_TYPES = new Set([
  "text",
  "number",
  "money",
  "date",
  "datetime",
  "select",
  "radio",
  "serial",
  "phone",
  "email",
]);

/** Form-wide settings: name, title field, success message and the checks a submission must pass. */
export function FormSettingsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { definition, dispatch } = useDesigner();
  const settings = definition.settings ?? {};
  const validations = definition.validations ?? [];
  const setSettings = (patch: Partial<typeof settings>, coalesce?: string) => {
    const next = Object.fromEntries(
      Object.entries({ ...settings, ...patch }).filter(([, v]) => v !== undefined),
    );
    dispatch({
      type: "updateForm",
      patch: { settings: Object.keys(next).length ? next : undefined },
      coalesce,
    });
  };
  const setValidations = (next: SubmitValidation[], coalesce?: string) =>
    dispatch({ type: "updateForm", patch: { validations: next.length ? next : undefined }, coalesce });
  const fields = definition.fields.filter((f) => fieldTypes[f.type].stored && f.type !== "subform");

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={560}
      title={t("designer.formSettings.title")}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t("designer.formSettings.name")}>
          <LocalizedInput
            value={definition.name}
            onChange={(name) =>
              dispatch({ type: "updateForm", patch: { name: name ?? "" }, coalesce: "form.name" })
            }
          />
        </Form.Item>
        <Form.Item label={t("designer.formSettings.titleField")} htmlFor="form-title-field">
          <Select
            id="form-title-field"
            allowClear
            value={settings.titleField}
            placeholder={t("designer.formSettings.titleFieldHint")}
            options={fields
              .filter((f) => TITLE_TYPES.has(f.type))
              .map((f) => ({ value: f.id, label: localize(f.label, i18n.language) || f.id }))}
            onChange={(titleField?: string) => setSettings({ titleField })}
          />
        </Form.Item>
        <Form.Item label={t("designer.formSettings.successMessage")}>
          <LocalizedInput
            multiline
            value={settings.successMessage}
            onChange={(successMessage) => setSettings({ successMessage }, "form.success")}
          />
        </Form.Item>
      </Form>
      <Divider titlePlacement="start">{t("designer.formSettings.validations")}</Divider>
      <p className={styles.hint}>{t("designer.formSettings.validationsHint")}</p>
      {validations.map((validation, index) => (
        <div key={index} className={styles.validationCard}>
          <div className={styles.validationHeader}>
            <strong>{t("designer.formSettings.validationN", { n: index + 1 })}</strong>
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t("designer.formSettings.removeValidation")}
              onClick={() => setValidations(validations.filter((_, i) => i !== index))}
            />
          </div>
          <RuleBuilder
            fields={fields}
            value={validation.rule}
            onChange={(rule) =>
              setValidations(validations.map((v, i) => (i === index ? { ...v, rule: rule ?? true } : v)))
            }
          />
          <Form layout="vertical" component="div">
            <Form.Item label={t("designer.formSettings.message")}>
              <LocalizedInput
                value={validation.message}
                onChange={(message) =>
                  setValidations(
                    validations.map((v, i) => (i === index ? { ...v, message: message ?? "" } : v)),
                    `validation.${index}`,
                  )
                }
              />
            </Form.Item>
          </Form>
        </div>
      ))}
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        onClick={() => setValidations([...validations, { rule: true, message: "" }])}
      >
        {t("designer.formSettings.addValidation")}
      </Button>
    </Drawer>
  );
}
