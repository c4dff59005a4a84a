// The dashboard's filter controls (date range, department, member) and the cross-filter chip. A new
// control binds to the first fitting field of each form the widgets read (a date field or the creation
// time; a department or member field, or the record's department or submitter).
import { CloseOutlined } from "@ant-design/icons";
import type { DashboardDefinition, FilterControl, FilterControlKind, FormDefinition } from "@formwork/schema";
import { useQuery } from "@tanstack/react-query";
import { Button, DatePicker, Select, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { ControlFields } from "./ControlFields";
import { FITS } from "./control-fits";
import styles from "./dashboards.module.css";
import type { ControlValues, CrossFilter } from "./model/query";

export function newControl(
  dashboard: DashboardDefinition,
  kind: FilterControlKind,
  formOf: (key: string) => FormDefinition | undefined,
): FilterControl {
  const fields: Record<string, string> = {};
  for (const key of new Set(dashboard.widgets.flatMap((w) => (w.form ? [w.form] : [])))) {
    const found = formOf(key)?.fields.find((f) => FITS[kind].types.includes(f.type));
    fields[key] = found?.id ?? FITS[kind].system;
  }
  const taken = new Set((dashboard.filters ?? []).map((c) => c.id));
  let n = 1;
  while (taken.has(`${kind.toLowerCase()}_${n}`)) n++;
  return { id: `${kind.toLowerCase()}_${n}`, kind, fields };
}

interface Props {
  dashboard: DashboardDefinition;
  values: ControlValues;
  onValues(values: ControlValues): void;
  cross: CrossFilter | undefined;
  onClearCross(): void;
  editing: boolean;
  onAddControl(kind: FilterControlKind): void;
  onRemoveControl(id: string): void;
  onChangeControl(control: FilterControl): void;
  formOf(key: string): FormDefinition | undefined;
}

export function FilterBar({
  dashboard,
  values,
  onValues,
  cross,
  onClearCross,
  editing,
  onAddControl,
  onRemoveControl,
  onChangeControl,
  formOf,
}: Props) {
  const { t } = useTranslation();
  const controls = dashboard.filters ?? [];
  const needsOrg = controls.some((c) => c.kind !== "dateRange");
  const members = useQuery({
    queryKey: ["dashboards", "members"],
    queryFn: () => api.org.members.list({ limit: 500 }),
    enabled: needsOrg,
  });
  const departments = useQuery({
    queryKey: ["dashboards", "departments"],
    queryFn: () => api.org.departments.list(),
    enabled: needsOrg,
  });
  if (controls.length === 0 && !cross && !editing) return null;
  const formKeys = [...new Set(dashboard.widgets.flatMap((w) => (w.form ? [w.form] : [])))];
  const set = (id: string, value: ControlValues[string]) => onValues({ ...values, [id]: value });
  return (
    <div className={styles.filterBar} data-testid="dashboard-filters">
      {controls.map((control) => {
        const label = control.label || t(`dashboards.filters.${control.kind}`);
        const value = values[control.id];
        return (
          <span key={control.id} className={styles.control}>
            <span className={styles.controlLabel}>{label}</span>
            {control.kind === "dateRange" ? (
              <DatePicker.RangePicker
                data-testid={`control-${control.id}`}
                // Uncontrolled: its moments are antd's own dayjs, which the app does not import itself.
                onChange={(range) =>
                  set(
                    control.id,
                    range?.[0] && range[1]
                      ? { from: range[0].format("YYYY-MM-DD"), to: range[1].format("YYYY-MM-DD") }
                      : undefined,
                  )
                }
              />
            ) : (
              <Select
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                style={{ minWidth: 160 }}
                data-testid={`control-${control.id}`}
                value={typeof value === "string" ? value : undefined}
                onChange={(v) => set(control.id, v ?? undefined)}
                options={
                  control.kind === "member"
                    ? (members.data?.members ?? []).map((m) => ({ value: m.id, label: m.name }))
                    : (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))
                }
              />
            )}
            {editing && (
              <ControlFields
                control={control}
                formKeys={formKeys}
                formOf={formOf}
                onChange={onChangeControl}
              />
            )}
            {editing && (
              <Button
                size="small"
                type="text"
                icon={<CloseOutlined />}
                aria-label={t("dashboards.removeWidget")}
                onClick={() => onRemoveControl(control.id)}
              />
            )}
          </span>
        );
      })}
      {editing && (
        <Select<FilterControlKind>
          size="small"
          value={null}
          placeholder={t("dashboards.filters.add")}
          style={{ width: 120 }}
          data-testid="add-control"
          options={(["dateRange", "department", "member"] as const).map((kind) => ({
            value: kind,
            label: t(`dashboards.filters.${kind}`),
          }))}
          onChange={(kind) => onAddControl(kind)}
        />
      )}
      {cross && (
        <Tag
          closable
          color="blue"
          onClose={onClearCross}
          data-testid="cross-filter-chip"
          className={styles.chip}
        >
          {t("dashboards.crossFilter", { label: cross.label })}
        </Tag>
      )}
    </div>
  );
}
