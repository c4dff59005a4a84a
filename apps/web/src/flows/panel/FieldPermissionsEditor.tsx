import type { FieldPermission } from "@formwork/schema";
import { Button, Segmented, Space } from "antd";
import { useTranslation } from "react-i18next";
import { localize } from "../../common/localized-text";
import { useFlowEditor } from "../flow-context";
import styles from "../flows.module.css";

const PERMISSIONS: FieldPermission[] = ["hidden", "view", "edit"];
/** Layout-only types hold no value, so there is nothing to hide or edit. */
const NO_VALUE = new Set(["divider", "description"]);

/**
 * Hidden / view / edit per top-level field. A field without an entry gets `fallback` (the start node
 * edits everything, a task node sees everything); once touched, every field is written out so a field
 * added later is an explicit decision.
 */
export function FieldPermissionsEditor({
  value,
  fallback,
  onChange,
}: {
  value: Record<string, FieldPermission> | undefined;
  fallback: FieldPermission;
  onChange: (next: Record<string, FieldPermission>) => void;
}) {
  const { t, i18n } = useTranslation();
  const { form } = useFlowEditor();
  const fields = form.fields.filter((f) => !NO_VALUE.has(f.type));
  const current = (id: string) => value?.[id] ?? fallback;
  const all = (p: FieldPermission) => onChange(Object.fromEntries(fields.map((f) => [f.id, p])));
  if (fields.length === 0) return <p className={styles.muted}>{t("flows.permissions.noFields")}</p>;
  return (
    <div className={styles.stack}>
      <Space size={4} wrap>
        {PERMISSIONS.map((p) => (
          <Button key={p} size="small" onClick={() => all(p)}>
            {t(`flows.permissions.all.${p}`)}
          </Button>
        ))}
      </Space>
      {fields.map((field) => (
        <div key={field.id} className={styles.permissionRow} data-testid={`permission-${field.id}`}>
          <span className={styles.permissionLabel}>{localize(field.label, i18n.language) || field.id}</span>
          <Segmented
            size="small"
            value={current(field.id)}
            options={PERMISSIONS.map((p) => ({ value: p, label: t(`flows.permissions.${p}`) }))}
            onChange={(p) =>
              onChange({
                ...Object.fromEntries(fields.map((f) => [f.id, current(f.id)])),
                [field.id]: p as FieldPermission,
              })
            }
          />
        </div>
      ))}
    </div>
  );
}
