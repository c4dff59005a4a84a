import { Select } from "antd";
import { useEffect, useRef, useState } from "react";
import { textOf } from "./text-of";
import type { FieldInputProps, RecordChoice } from "./types";

function idsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * A linked record picker: searches the other form as the user types and, on pick, copies the fields the
 * fill rules name into this form.
 */
export function LinkInput({
  field,
  value,
  onChange,
  readOnly,
  locale,
  services,
  inputId,
  invalid,
  onFill,
}: FieldInputProps<"link">) {
  const [query, setQuery] = useState("");
  const [choices, setChoices] = useState<RecordChoice[]>([]);
  const [loading, setLoading] = useState(false);
  // Titles of records picked earlier, so the select keeps showing them after a new search.
  const known = useRef(new Map<string, string>());

  useEffect(() => {
    if (readOnly) return;
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      services
        .searchRecords(field.form, query, field.displayField)
        .then((found) => {
          if (!live) return;
          for (const c of found) known.current.set(c.id, c.title);
          setChoices(found);
        })
        .catch(() => live && setChoices([]))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, field.form, field.displayField, readOnly, services]);

  const picked = idsOf(value);
  // Records picked before this input opened (a saved record, a task, a print) are not among the first
  // search results: their titles are fetched by id, or the picker would show raw ids.
  const [, setResolved] = useState(0);
  const unknown = picked.filter((id) => !known.current.has(id)).join(",");
  useEffect(() => {
    if (!unknown) return;
    let live = true;
    services
      .queryRecords(field.form, { in: [{ var: "$id" }, unknown.split(",")] }, 50, field.displayField)
      .then((found) => {
        if (!live) return;
        for (const c of found) known.current.set(c.id, c.title);
        setResolved((n) => n + 1);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [unknown, field.form, field.displayField, services]);
  const options = [
    ...choices.map((c) => ({ value: c.id, label: c.title })),
    ...picked
      .filter((id) => !choices.some((c) => c.id === id))
      .map((id) => ({ value: id, label: known.current.get(id) ?? id })),
  ];

  const pick = (next: string | string[] | undefined) => {
    const ids = next === undefined ? [] : Array.isArray(next) ? next : [next];
    onChange(ids.length === 0 ? null : field.multiple ? ids : ids[0]);
    const record = choices.find((c) => c.id === ids[ids.length - 1]);
    if (record && field.fill?.length && onFill)
      onFill(Object.fromEntries(field.fill.map((rule) => [rule.to, record.data[rule.from] ?? null])));
  };

  return (
    <Select
      id={inputId}
      mode={field.multiple ? "multiple" : undefined}
      style={{ width: "100%" }}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      options={options}
      loading={loading}
      value={field.multiple ? picked : (picked[0] ?? null)}
      onChange={pick}
      allowClear
      disabled={readOnly}
      placeholder={textOf(locale, "搜索并选择记录", "Search and pick a record")}
      notFoundContent={loading ? null : textOf(locale, "没有匹配的记录", "No matching records")}
      status={invalid ? "error" : undefined}
    />
  );
}
