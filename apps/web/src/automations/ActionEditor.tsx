import { DeleteOutlined } from "@ant-design/icons";
import type { AutomationAction, AutomationTrigger, FormDefinition, JsonLogic } from "@formwork/schema";
import { Button, Card, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { localize } from "../common/localized-text";
import { RuleBuilder } from "../designer/rules/RuleBuilder";
import { AssignEditor } from "./AssignEditor";
import { MEMBER_TYPES } from "./automation-model";
import styles from "./automations.module.css";
import { MappingEditor } from "./MappingEditor";
import type { AppForm } from "./use-automations";

interface Props {
  index: number;
  action: AutomationAction;
  forms: AppForm[];
  /** The trigger form's definition: what formulas and notify fields read. */
  source: FormDefinition;
  trigger: AutomationTrigger["type"];
  onChange: (action: AutomationAction) => void;
  onRemove: () => void;
}

/** One action: its kind's settings (target form, field values, condition, recipients, URL, assignee). */
export function ActionEditor({ index, action, forms, source, trigger, onChange, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const target = "form" in action ? forms.find((f) => f.key === action.form) : undefined;
  const formPicker =
    "form" in action ? (
      <div className={styles.row}>
        <span className={styles.label}>{t("automations.targetForm")}</span>
        <Select
          aria-label={t("automations.targetForm")}
          className={styles.grow}
          value={action.form || undefined}
          data-testid={`action-form-${index}`}
          options={forms.map((f) => ({ value: f.key, label: localize(f.definition.name, i18n.language) }))}
          onChange={(form: string) =>
            onChange(
              action.type === "deleteRecords"
                ? { ...action, form, condition: { and: [] } }
                : action.type === "updateRecords"
                  ? { ...action, form, fields: {}, condition: { and: [] } }
                  : { ...action, form, fields: {} },
            )
          }
        />
      </div>
    ) : null;
  return (
    <Card
      size="small"
      data-testid={`automation-action-${index}`}
      title={`${index + 1}. ${t(`automations.actions.${action.type}`)}`}
      extra={
        <Button
          type="text"
          icon={<DeleteOutlined />}
          aria-label={t("automations.removeAction")}
          title={t("automations.removeAction")}
          onClick={onRemove}
        />
      }
    >
      <div className={styles.stack}>
        {formPicker}
        {(action.type === "updateRecords" || action.type === "deleteRecords") && target && (
          <>
            <span className={styles.label}>{t("automations.matchCondition")}</span>
            <p className={styles.hint}>{t("automations.matchHint")}</p>
            <RuleBuilder
              fields={target.definition.fields}
              value={action.condition as JsonLogic}
              onChange={(logic) => onChange({ ...action, condition: logic ?? { and: [] } })}
            />
          </>
        )}
        {(action.type === "createRecord" || action.type === "updateRecords") && target && (
          <>
            <span className={styles.label}>{t("automations.mapping")}</span>
            <MappingEditor
              targetFields={target.definition.fields}
              source={source}
              mapping={action.fields}
              onChange={(fields) => onChange({ ...action, fields })}
            />
          </>
        )}
        {action.type === "notify" && (
          <>
            <div className={styles.row}>
              <span className={styles.label}>{t("automations.notifyFields")}</span>
              <Select
                aria-label={t("automations.notifyFields")}
                mode="multiple"
                className={styles.grow}
                value={action.userFields ?? []}
                options={source.fields
                  .filter((f) => MEMBER_TYPES.has(f.type))
                  .map((f) => ({ value: f.id, label: localize(f.label, i18n.language) }))}
                onChange={(userFields: string[]) => onChange({ ...action, userFields })}
              />
            </div>
            <div className={styles.row}>
              <span className={styles.label}>{t("automations.notifyTitle")}</span>
              <Input
                aria-label={t("automations.notifyTitle")}
                className={styles.grow}
                value={action.title}
                onChange={(event) => onChange({ ...action, title: event.target.value })}
              />
            </div>
          </>
        )}
        {action.type === "assign" && (
          <AssignEditor index={index} action={action} source={source} trigger={trigger} onChange={onChange} />
        )}
        {action.type === "webhook" && (
          <div className={styles.row}>
            <span className={styles.label}>{t("automations.url")}</span>
            <Input
              aria-label={t("automations.url")}
              className={styles.grow}
              type="url"
              value={action.url}
              onChange={(event) => onChange({ ...action, url: event.target.value })}
            />
          </div>
        )}
      </div>
    </Card>
  );
}
