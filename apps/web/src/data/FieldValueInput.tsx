import { Input, InputNumber, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { localize } from "../common/localized-text";
import type { ValueShape } from "./filter-model";
import type { GridColumn } from "./record-columns";

interface Props {
  column: GridColumn;
  shape: Exclude<ValueShape, "none">;
  value: unknown;
  onChange(value: unknown): void;
  id?: string;
}

function scalarInput(
  column: GridColumn,
  value: unknown,
  onChange: (v: unknown) => void,
  label: string,
  id?: string,
) {
  if (column.valueKind === "number") {
    return (
      <InputNumber
        id={id}
        aria-label={label}
        style={{ width: "100%" }}
        value={typeof value === "number" ? value : null}
        onChange={(v) => onChange(v ?? undefined)}
      />
    );
  }
  if (column.valueKind === "date") {
    return (
      <Input
        id={id}
        aria-label={label}
        type="date"
        value={typeof value === "string" ? value : ""}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
    );
  }
  return (
    <Input
      id={id}
      aria-label={label}
      value={typeof value === "string" ? value : ""}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** The value side of a filter condition or a bulk edit, shaped by the field's kind and the operator. */
export function FieldValueInput({ column, shape, value, onChange, id }: Props) {
  const { t, i18n } = useTranslation();
  const label = t("data.filter.value");
  const options = column.options.map((o) => ({
    value: o.value,
    label: localize(o.label, i18n.language) || o.value,
  }));

  if (column.valueKind === "options" && shape !== "range") {
    return (
      <Select
        id={id}
        aria-label={label}
        style={{ width: "100%" }}
        mode={shape === "list" ? "multiple" : undefined}
        allowClear
        options={options}
        value={value as string | string[] | undefined}
        onChange={(v) => onChange(v)}
      />
    );
  }
  if (shape === "list") {
    return (
      <Select
        id={id}
        aria-label={label}
        style={{ width: "100%" }}
        mode="tags"
        tokenSeparators={[",", "\uFF0C"]}
        open={false}
        value={Array.isArray(value) ? (value as string[]) : []}
        onChange={(v: string[]) =>
          onChange(column.valueKind === "number" ? v.map(Number).filter(Number.isFinite) : v)
        }
      />
    );
  }
  if (shape === "range") {
    const [from, to] = Array.isArray(value) ? value : [];
    return (
      <Space.Compact style={{ width: "100%" }}>
        {scalarInput(column, from, (v) => onChange([v, to]), t("data.filter.from"), id)}
        {scalarInput(column, to, (v) => onChange([from, v]), t("data.filter.to"))}
      </Space.Compact>
    );
  }
  return scalarInput(column, value, onChange, label, id);
}
