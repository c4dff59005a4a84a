import { PlusOutlined } from "@ant-design/icons";
import type { AutomationView } from "@formwork/client";
import type { AutomationAction, AutomationDefinition, JsonLogic } from "@formwork/schema";
import { App as AntApp, Button, Checkbox, Drawer, Dropdown, Input, Select, Space, Switch } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../common/error-message";
import { localize } from "../common/localized-text";
import { RuleBuilder } from "../designer/rules/RuleBuilder";
import { ActionEditor } from "./ActionEditor";
import { actionChoices, assignProblems, blankAction, blankDefinition } from "./automation-model";
import styles from "./automations.module.css";
import { TriggerEditor } from "./TriggerEditor";
import { type AppForm, useSaveAutomation } from "./use-automations";

interface Props {
  appId: string;
  forms: AppForm[];
  /** null: a new automation. */
  automation: AutomationView | null;
  onClose: () => void;
}

/** The designer of one automation: trigger, condition, actions, enabled; saved whole. */
export function AutomationEditor({ appId, forms, automation, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const save = useSaveAutomation(appId);
  const [definition, setDefinition] = useState<AutomationDefinition>(
    () => automation?.definition ?? blankDefinition(forms[0]?.key ?? "", t("automations.defaultName")),
  );
  const [enabled, setEnabled] = useState(automation?.enabled ?? true);
  const source = forms.find((f) => f.key === definition.form);
  const patch = (change: Partial<AutomationDefinition>) => setDefinition((d) => ({ ...d, ...change }));
  const setAction = (index: number, action: AutomationAction | null) =>
    patch({
      actions: definition.actions.flatMap((a, i) => (i !== index ? [a] : action ? [action] : [])),
    });

  // The editor's own checks (the server repeats them): an action that shows a problem is not sent.
  const invalid = definition.actions.some(
    (a) =>
      a.type === "assign" &&
      assignProblems(a, source?.definition.fields ?? [], definition.trigger.type).length > 0,
  );
  const submit = () => {
    if (invalid) {
      void message.error(t("automations.fixProblems"));
      return;
    }
    save.mutate(
      {
        ...(automation ? { id: automation.id } : {}),
        input: { definition, enabled, ...(automation ? { version: automation.version } : {}) },
      },
      {
        onSuccess: () => {
          void message.success(t("automations.saved"));
          onClose();
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };

  return (
    <Drawer
      open
      width="min(760px, 100vw)"
      title={automation ? t("automations.edit") : t("automations.new")}
      onClose={onClose}
      data-testid="automation-editor"
      extra={
        <Space>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={save.isPending} onClick={submit} data-testid="automation-save">
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      <div className={styles.stack}>
        <div className={styles.row}>
          <span className={styles.label}>{t("automations.name")}</span>
          <Input
            aria-label={t("automations.name")}
            className={styles.grow}
            value={definition.name}
            maxLength={200}
            data-testid="automation-name"
            onChange={(event) => patch({ name: event.target.value })}
          />
        </div>
        <div className={styles.row}>
          <span className={styles.label}>{t("automations.enabled")}</span>
          <Switch checked={enabled} onChange={setEnabled} />
        </div>
      </div>

      <div className={styles.section}>{t("automations.sections.trigger")}</div>
      <div className={styles.stack}>
        <div className={styles.row}>
          <span className={styles.label}>{t("automations.triggerForm")}</span>
          <Select
            aria-label={t("automations.triggerForm")}
            className={styles.grow}
            value={definition.form || undefined}
            data-testid="automation-form"
            options={forms.map((f) => ({ value: f.key, label: localize(f.definition.name, i18n.language) }))}
            onChange={(form: string) => {
              const { condition: _dropped, ...rest } = definition;
              setDefinition({
                ...rest,
                form,
                trigger: { type: definition.trigger.type } as AutomationDefinition["trigger"],
              });
            }}
          />
        </div>
        <TriggerEditor
          trigger={definition.trigger}
          fields={source?.definition.fields ?? []}
          onChange={(trigger) => patch({ trigger })}
        />
        <Checkbox
          checked={definition.fireOnImportsAndBulk ?? false}
          onChange={(event) => patch({ fireOnImportsAndBulk: event.target.checked })}
        >
          {t("automations.fireOnImports")}
        </Checkbox>
      </div>

      {definition.trigger.type !== "schedule" && source && (
        <>
          <div className={styles.section}>{t("automations.sections.condition")}</div>
          <p className={styles.hint}>{t("automations.conditionHint")}</p>
          <RuleBuilder
            fields={source.definition.fields}
            value={definition.condition as JsonLogic | undefined}
            onChange={(logic) => {
              const { condition: _old, ...rest } = definition;
              setDefinition(logic === undefined ? rest : { ...rest, condition: logic });
            }}
          />
        </>
      )}

      <div className={styles.section}>{t("automations.sections.actions")}</div>
      <div className={styles.stack}>
        {source &&
          definition.actions.map((action, index) => (
            <ActionEditor
              // Actions have no ids; an index key is right because they are only appended or removed.
              key={index}
              index={index}
              action={action}
              forms={forms}
              source={source.definition}
              trigger={definition.trigger.type}
              onChange={(next) => setAction(index, next)}
              onRemove={() => setAction(index, null)}
            />
          ))}
        <Dropdown
          trigger={["click"]}
          menu={{
            items: actionChoices(definition.trigger.type).map((type) => ({
              key: type,
              label: <span data-testid={`add-action-${type}`}>{t(`automations.actions.${type}`)}</span>,
            })),
            onClick: ({ key }) =>
              patch({
                actions: [
                  ...definition.actions,
                  blankAction(key as AutomationAction["type"], forms[0]?.key ?? ""),
                ],
              }),
          }}
        >
          <Button
            icon={<PlusOutlined />}
            style={{ alignSelf: "flex-start" }}
            data-testid="automation-add-action"
          >
            {t("automations.addAction")}
          </Button>
        </Dropdown>
      </div>
    </Drawer>
  );
}
