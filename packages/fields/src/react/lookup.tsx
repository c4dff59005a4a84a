import { List } from "antd";
import { textOf } from "./text-of";
import type { FieldInputProps } from "./types";
import { useRemoteList } from "./use-remote";

function shown(value: unknown): string {
  if (value == null) return "";
  if (Array.isArray(value)) return value.map(shown).join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * Related records (关联查询), display only: the named fields of the records of the other form that match
 * the field's filter with this record's values put in (`related`, from the renderer). Until a value
 * the filter needs is there (a record not saved yet, a customer not picked), there is nothing to list.
 */
export function LookupInput({ field, locale, services, inputId, related }: FieldInputProps<"lookup">) {
  const limit = field.limit ?? 10;
  const ready = typeof related === "string";
  const { items, loading } = useRemoteList(
    `${field.form}:${related}:${limit}`,
    () => services.queryRecords(field.form, JSON.parse(related as string), limit),
    ready,
  );
  return (
    <List
      id={inputId}
      size="small"
      bordered
      loading={loading}
      dataSource={ready ? items : []}
      locale={{ emptyText: textOf(locale, "没有相关记录", "No related records") }}
      renderItem={(record) => (
        <List.Item>
          {field.fields
            .map((id) => shown(record.data[id]))
            .filter(Boolean)
            .join(" · ") || record.title}
        </List.Item>
      )}
    />
  );
}
