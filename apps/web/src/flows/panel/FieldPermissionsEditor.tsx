import type { FieldPermission } from "@formwork/schema";
import { Button, Segmented, Space } from "antd";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { localize } from "../../common/localized-text";
import { useFlowEditor } from "../flow-context";
import styles from "../flows.module.css";
import { columnLevel, RANK, topLevel, withChanges } from "./field-permissions";

const PERMISSIONS: FieldPermission[] = ["hidden", "view", "edit"];
/** Layout-only types hold no value, so there is nothing to hide or edit. */
const NO_VALUE = new Set(["divider", "description"]);

/**
 * Hidden / view / edit per field, and per column of a sub-form (keys "<subform>.<column>", as the engine
 * and the server read them). A field without an entry gets `fallback` (the start node edits everything, a
 * task node sees everything); a column without one follows its sub-form. A column never gets more than
 * its sub-form (editing a column needs an editable sub-form), and a hidden sub-form hides its columns.
 * Once touched, every top-level field is written out so a field added later is an explicit decision.
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
  const current = (id: string) => topLevel(value, fallback, id);
  const snapshot = (changes: Record<string, FieldPermission>) =>
    withChanges(fields, value, fallback, changes);
  const all = (p: FieldPermission) => onChange(Object.fromEntries(fields.map((f) => [f.id, p])));
  const options = (max: FieldPermission) =>
    PERMISSIONS.filter((p) => RANK[p] <= RANK[max]).map((p) => ({
      value: p,
      label: t(`flows.permissions.${p}`),
    }));
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
        <Fragment key={field.id}>
          <div className={styles.permissionRow} data-testid={`permission-${field.id}`}>
            <span className={styles.permissionLabel}>{localize(field.label, i18n.language) || field.id}</span>
            <Segmented
              size="small"
              value={current(field.id)}
              options={options("edit")}
              onChange={(p) => onChange(snapshot({ [field.id]: p as FieldPermission }))}
            />
          </div>
          {field.type === "subform" && current(field.id) !== "hidden"
            ? field.fields
                .filter((c) => !NO_VALUE.has(c.type))
                .map((column) => (
                  <div
                    key={`${field.id}.${column.id}`}
                    className={`${styles.permissionRow} ${styles.permissionColumn}`}
                    data-testid={`permission-${field.id}.${column.id}`}
                  >
                    <span className={styles.permissionLabel}>
                      {localize(column.label, i18n.language) || column.id}
                    </span>
                    <Segmented
                      size="small"
                      value={columnLevel(value, fallback, field.id, column.id)}
                      options={options(current(field.id))}
                      onChange={(p) =>
                        onChange(snapshot({ [`${field.id}.${column.id}`]: p as FieldPermission }))
                      }
                    />
                  </div>
                ))
            : null}
        </Fragment>
      ))}
    </div>
  );
}
