import type { Locale } from "@formwork/schema";
import { Select } from "antd";
import { textOf } from "./text-of";
import type { PersonChoice } from "./types";
import { useRemoteList } from "./use-remote";

interface PeopleSelectProps {
  kind: "users" | "departments";
  load: () => Promise<PersonChoice[]>;
  multiple: boolean;
  value: unknown;
  onChange(value: unknown): void;
  readOnly: boolean;
  locale: Locale;
  inputId: string;
  invalid: boolean;
}

/** Member and department pickers: a searchable select over the directory the renderer supplies. */
export function PeopleSelect({
  kind,
  load,
  multiple,
  value,
  onChange,
  readOnly,
  locale,
  inputId,
  invalid,
}: PeopleSelectProps) {
  const { items, loading } = useRemoteList(kind, load, !readOnly || value != null);
  const options = items.map((p) => ({ value: p.id, label: p.name }));
  const current = multiple ? (Array.isArray(value) ? value : []) : typeof value === "string" ? value : null;
  return (
    <Select
      id={inputId}
      mode={multiple ? "multiple" : undefined}
      style={{ width: "100%" }}
      options={options}
      loading={loading}
      value={current}
      onChange={(next: string | string[] | undefined) =>
        onChange(next === undefined || (Array.isArray(next) && next.length === 0) ? null : next)
      }
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      disabled={readOnly}
      notFoundContent={kind === "departments" ? textOf(locale, "暂无部门", "No departments") : undefined}
      status={invalid ? "error" : undefined}
    />
  );
}
