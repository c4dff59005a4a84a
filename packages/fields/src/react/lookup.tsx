import { List } from "antd";
import { textOf } from "./text-of";
import type { FieldInputProps } from "./types";
import { useRemoteList } from "./use-remote";

function shown(value: unknown): string {
  if (value == null) return "";
  if (Array.isArray(value)) return value.map(shown).join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Related records (关联查询), display only: the named fields of the first matching records. */
export function LookupInput({ field, locale, services, inputId }: FieldInputProps<"lookup">) {
  const { items, loading } = useRemoteList(`${field.form}:${field.fields.join(",")}`, () =>
    services.searchRecords(field.form, ""),
  );
  const limited = items.slice(0, field.limit ?? 10);
  return (
    <List
      id={inputId}
      size="small"
      bordered
      loading={loading}
      dataSource={limited}
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
