import type { FlowNodeOf, TaskNodeSettings } from "@formwork/schema";
import { InputNumber, Segmented, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { useFlowEditor } from "../flow-context";
import styles from "../flows.module.css";
import { updateNode } from "../model/flow-edit";
import { AssigneesEditor } from "./AssigneesEditor";
import { DeadlineEditor } from "./DeadlineEditor";
import { FieldPermissionsEditor } from "./FieldPermissionsEditor";
import { Section } from "./Section";

const MODES: NonNullable<TaskNodeSettings["mode"]>[] = ["any", "all", "sequential", "ratio"];

/** Approval and fill nodes: who, how several handlers decide, what they see and edit, and when it is due. */
export function TaskSettings({ node }: { node: FlowNodeOf<"approval"> | FlowNodeOf<"fill"> }) {
  const { t } = useTranslation();
  const { flow, change } = useFlowEditor();
  const set = (patch: Partial<TaskNodeSettings>, coalesce?: string) =>
    change(updateNode(flow, node.id, patch), coalesce && `${node.id}:${coalesce}`);
  const mode = node.mode ?? "any";
  return (
    <>
      <Section title={t(`flows.panel.assignees.${node.type}`)}>
        <AssigneesEditor
          value={node.assignees}
          onChange={(assignees) => set({ assignees })}
          testId="assignees"
        />
      </Section>
      <Section title={t("flows.panel.mode")}>
        <Segmented
          block
          className={styles.modes}
          value={mode}
          options={MODES.map((m) => ({ value: m, label: t(`flows.mode.${m}`) }))}
          onChange={(m) =>
            set({
              mode: m as TaskNodeSettings["mode"],
              ratio: m === "ratio" ? (node.ratio ?? 0.5) : undefined,
            })
          }
        />
        <p className={styles.muted}>{t(`flows.modeHint.${mode}`)}</p>
        {mode === "ratio" ? (
          <InputNumber
            min={1}
            max={100}
            addonAfter="%"
            aria-label={t("flows.mode.ratio")}
            value={Math.round((node.ratio ?? 0.5) * 100)}
            onChange={(v) => set({ ratio: (v ?? 50) / 100 }, "ratio")}
          />
        ) : null}
      </Section>
      <Section title={t("flows.panel.whenEmpty")}>
        <Select
          className={styles.full}
          value={node.whenEmpty ?? "none"}
          options={["none", "admin", "autoPass"].map((v) => ({ value: v, label: t(`flows.whenEmpty.${v}`) }))}
          onChange={(v: string) => set({ whenEmpty: v === "none" ? undefined : (v as "admin" | "autoPass") })}
        />
        <div className={styles.switchRow}>
          <Switch
            id={`${node.id}-auto-pass`}
            size="small"
            checked={node.autoPassDuplicate ?? false}
            onChange={(on) => set({ autoPassDuplicate: on || undefined })}
          />
          <label htmlFor={`${node.id}-auto-pass`}>{t("flows.panel.autoPassDuplicate")}</label>
        </div>
      </Section>
      <Section title={t(`flows.panel.permissions.${node.type}`)}>
        <FieldPermissionsEditor
          value={node.fieldPermissions}
          fallback="view"
          onChange={(fieldPermissions) => set({ fieldPermissions })}
        />
      </Section>
      <Section title={t("flows.panel.deadline")}>
        <DeadlineEditor value={node.deadline} onChange={(deadline) => set({ deadline })} />
      </Section>
    </>
  );
}
