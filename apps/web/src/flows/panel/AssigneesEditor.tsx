import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { ASSIGNEE_FIELD_TYPES, type Assignee } from "@formwork/schema";
import { AutoComplete, Button, InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";
import { localize } from "../../common/localized-text";
import { useFlowEditor } from "../flow-context";
import styles from "../flows.module.css";
import { useDirectory } from "./directory";

export const ASSIGNEE_KINDS = [
  "user",
  "role",
  "department",
  "deptHead",
  "managerChain",
  "field",
  "initiator",
] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];

export function assigneeKind(assignee: Assignee): AssigneeKind {
  return Object.keys(assignee)[0] as AssigneeKind;
}

/** The first value a newly chosen kind starts with. */
export function blankAssignee(kind: AssigneeKind): Assignee {
  switch (kind) {
    case "deptHead":
      return { deptHead: 1 };
    case "managerChain":
      return { managerChain: 1 };
    case "initiator":
      return { initiator: true };
    default:
      return { [kind]: "" } as Assignee;
  }
}

function ValueInput({ assignee, onChange }: { assignee: Assignee; onChange: (a: Assignee) => void }) {
  const { t, i18n } = useTranslation();
  const { form } = useFlowEditor();
  const directory = useDirectory();
  const kind = assigneeKind(assignee);
  if (kind === "deptHead" || kind === "managerChain") {
    const levels = (assignee as Record<string, number>)[kind] ?? 1;
    return (
      <InputNumber
        className={styles.grow}
        min={1}
        max={20}
        value={levels}
        addonAfter={t("flows.assignee.levels")}
        aria-label={t(`flows.assignee.kinds.${kind}`)}
        onChange={(v) => onChange({ [kind]: v ?? 1 } as Assignee)}
      />
    );
  }
  if (kind === "initiator") return <span className={styles.grow} />;
  const value = (assignee as Record<string, string>)[kind] ?? "";
  if (kind === "field") {
    return (
      <Select
        className={styles.grow}
        value={value || undefined}
        placeholder={t("flows.assignee.pickField")}
        notFoundContent={t("flows.assignee.noMemberFields")}
        options={form.fields
          .filter((f) => ASSIGNEE_FIELD_TYPES.has(f.type))
          .map((f) => ({ value: f.id, label: localize(f.label, i18n.language) || f.id }))}
        onChange={(id: string) => onChange({ field: id })}
      />
    );
  }
  const list = kind === "user" ? directory.users : kind === "role" ? directory.roles : directory.departments;
  // Users come from the account list; roles and departments may be typed as ids until the org
  // directory answers, so the input takes free text too.
  return (
    <AutoComplete
      className={styles.grow}
      value={list.find((e) => e.id === value)?.name ?? value}
      placeholder={t(`flows.assignee.pick.${kind}`)}
      options={list.map((e) => ({ value: e.id, label: e.name }))}
      filterOption={(input, option) =>
        String(option?.label ?? "")
          .toLowerCase()
          .includes(input.toLowerCase()) || String(option?.value ?? "").includes(input)
      }
      onChange={(text: string) => onChange({ [kind]: text } as Assignee)}
      data-testid={`assignee-${kind}`}
    />
  );
}

/** An ordered list of assignees of any kind; who resolves at run time is the union of them. */
export function AssigneesEditor({
  value,
  onChange,
  testId,
}: {
  value: readonly Assignee[];
  onChange: (next: Assignee[]) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const replace = (i: number, a: Assignee) => onChange(value.map((old, j) => (j === i ? a : old)));
  return (
    <div className={styles.stack} data-testid={testId}>
      {value.map((assignee, i) => (
        <div key={i} className={styles.row}>
          <Select
            className={styles.kindSelect}
            value={assigneeKind(assignee)}
            aria-label={t("flows.assignee.kind")}
            options={ASSIGNEE_KINDS.map((k) => ({ value: k, label: t(`flows.assignee.kinds.${k}`) }))}
            onChange={(k: AssigneeKind) => replace(i, blankAssignee(k))}
          />
          <ValueInput assignee={assignee} onChange={(a) => replace(i, a)} />
          <Button
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t("flows.remove")}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <Button
        icon={<PlusOutlined />}
        type="dashed"
        block
        onClick={() => onChange([...value, { deptHead: 1 }])}
      >
        {t("flows.assignee.add")}
      </Button>
    </div>
  );
}
