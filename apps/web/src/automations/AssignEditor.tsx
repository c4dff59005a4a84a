import type { AutomationAction, AutomationTrigger, FormDefinition, JsonLogic } from "@formwork/schema";
import { Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { MembersPicker } from "../admin/Pickers";
import { localize } from "../common/localized-text";
import { RuleBuilder } from "../designer/rules/RuleBuilder";
import { assignProblems } from "./automation-model";
import styles from "./automations.module.css";

type AssignAction = Extract<AutomationAction, { type: "assign" }>;

interface Props {
  index: number;
  action: AssignAction;
  /** The trigger form's definition: the field set is one of its single-member fields. */
  source: FormDefinition;
  trigger: AutomationTrigger["type"];
  onChange: (action: AssignAction) => void;
}

/**
 * The assign action: which single-member field of the trigger record to set, and the members it goes
 * to. The one strategy the server has is "least loaded" (the member whose records in that field are
 * fewest, optionally counting only records matching a condition; ties to the earlier member), so the
 * strategy is explained rather than chosen.
 */
export function AssignEditor({ index, action, source, trigger, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const problems = assignProblems(action, source.fields, trigger);
  const { condition, ...rest } = action;
  return (
    <>
      <div className={styles.row}>
        <span className={styles.label}>{t("automations.assignField")}</span>
        <Select
          aria-label={t("automations.assignField")}
          className={styles.grow}
          value={action.field || undefined}
          status={problems.includes("field") ? "error" : undefined}
          data-testid={`assign-field-${index}`}
          notFoundContent={t("automations.assignNoMemberFields")}
          options={source.fields
            .filter((f) => f.type === "member")
            .map((f) => ({ value: f.id, label: localize(f.label, i18n.language) || f.id }))}
          onChange={(field: string) => onChange({ ...action, field })}
        />
      </div>
      <div className={styles.row}>
        <span className={styles.label}>{t("automations.assignUsers")}</span>
        <div className={styles.grow} data-testid={`assign-users-${index}`}>
          <MembersPicker value={action.users} onChange={(users) => onChange({ ...action, users })} />
        </div>
      </div>
      <p className={styles.hint}>{t("automations.assignStrategy")}</p>
      <span className={styles.label}>{t("automations.assignLoad")}</span>
      <RuleBuilder
        fields={source.fields}
        value={condition as JsonLogic | undefined}
        onChange={(logic) => onChange(logic === undefined ? rest : { ...rest, condition: logic })}
      />
      {problems.map((problem) => (
        <Typography.Text key={problem} type="danger" data-testid={`assign-problem-${index}`}>
          {t(`automations.assignProblems.${problem}`)}
        </Typography.Text>
      ))}
    </>
  );
}
