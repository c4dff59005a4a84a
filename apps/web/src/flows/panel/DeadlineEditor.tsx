import { DATE_FIELD_TYPES, type Deadline } from "@formwork/schema";
import { Checkbox, Form, Segmented, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { localize } from "../../common/localized-text";
import { useFlowEditor } from "../flow-context";
import styles from "../flows.module.css";
import { AssigneesEditor } from "./AssigneesEditor";
import { DurationInput } from "./DurationInput";

const THEN: Deadline["then"][] = ["remind", "approve", "return", "escalate"];
/** A day to act, then a daily reminder: what most approval deadlines are. */
// biome-ignore lint/suspicious/noThenProperty: the Deadline type of the contract names its action `then`
const FIRST_DEADLINE: Deadline = { after: "P1D", then: "remind", repeat: "P1D" };

/** When a task is due (a duration, or a date field of the record) and what happens then. */
export function DeadlineEditor({
  value,
  onChange,
}: {
  value: Deadline | undefined;
  onChange: (next: Deadline | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const { form } = useFlowEditor();
  const dateFields = form.fields.filter((f) => DATE_FIELD_TYPES.has(f.type));
  if (!value) {
    return (
      <Switch
        checked={false}
        aria-label={t("flows.deadline.enable")}
        onChange={() => onChange(FIRST_DEADLINE)}
        data-testid="deadline-enable"
      />
    );
  }
  const set = (patch: Partial<Deadline>) => {
    const next = { ...value, ...patch } as Record<string, unknown>;
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    onChange(next as unknown as Deadline);
  };
  const byField = value.field !== undefined;
  return (
    <div className={styles.stack}>
      <Switch checked aria-label={t("flows.deadline.enable")} onChange={() => onChange(undefined)} />
      <Segmented
        block
        value={byField ? "field" : "after"}
        options={[
          { value: "after", label: t("flows.deadline.after") },
          { value: "field", label: t("flows.deadline.byField"), disabled: dateFields.length === 0 },
        ]}
        onChange={(v) =>
          set(
            v === "field"
              ? { after: undefined, field: dateFields[0]?.id }
              : { field: undefined, after: "P1D" },
          )
        }
      />
      {byField ? (
        <Select
          value={value.field}
          aria-label={t("flows.deadline.byField")}
          options={dateFields.map((f) => ({ value: f.id, label: localize(f.label, i18n.language) || f.id }))}
          onChange={(field: string) => set({ field })}
        />
      ) : (
        <DurationInput
          label={t("flows.deadline.after")}
          value={value.after}
          onChange={(after) => set({ after })}
        />
      )}
      <Checkbox
        checked={value.workingDays ?? false}
        onChange={(e) => set({ workingDays: e.target.checked || undefined })}
      >
        {t("flows.deadline.workingDays")}
      </Checkbox>
      <Form.Item label={t("flows.deadline.then")} className={styles.flatItem}>
        <Select
          value={value.then}
          options={THEN.map((v) => ({ value: v, label: t(`flows.deadline.thenKinds.${v}`) }))}
          onChange={(then: Deadline["then"]) =>
            set({
              then,
              repeat: then === "remind" ? (value.repeat ?? "P1D") : undefined,
              escalateTo: then === "escalate" ? (value.escalateTo ?? [{ deptHead: 2 }]) : undefined,
            })
          }
        />
      </Form.Item>
      {value.then === "remind" ? (
        <Form.Item label={t("flows.deadline.repeat")} className={styles.flatItem}>
          <Checkbox
            checked={value.repeat !== undefined}
            onChange={(e) => set({ repeat: e.target.checked ? "P1D" : undefined })}
          >
            {t("flows.deadline.repeatEvery")}
          </Checkbox>
          {value.repeat !== undefined ? (
            <DurationInput
              label={t("flows.deadline.repeat")}
              value={value.repeat}
              onChange={(repeat) => set({ repeat })}
            />
          ) : null}
        </Form.Item>
      ) : null}
      {value.then === "escalate" ? (
        <Form.Item label={t("flows.deadline.escalateTo")} className={styles.flatItem}>
          <AssigneesEditor value={value.escalateTo ?? []} onChange={(escalateTo) => set({ escalateTo })} />
        </Form.Item>
      ) : null}
    </div>
  );
}
