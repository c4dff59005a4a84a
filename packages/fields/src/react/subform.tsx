import type { FieldDefinition } from "@formwork/schema";
import { Button, Card, Empty } from "antd";
import { Suspense, useRef } from "react";
import { localize } from "../shared/messages";
import { InputPlaceholder } from "./input-placeholder";
import { fieldInputs } from "./registry";
import { type Row, rowWriter } from "./subform-rows";
import { textOf } from "./text-of";
import type { FieldInput, FieldInputProps } from "./types";

function rowsOf(value: unknown): Row[] {
  return Array.isArray(value) ? value.map((r) => (r && typeof r === "object" ? (r as Row) : {})) : [];
}

const COLUMN_BASIS: Record<string, string> = {
  "1/4": "22%",
  "1/3": "30%",
  "1/2": "46%",
  "2/3": "63%",
  "3/4": "72%",
  full: "100%",
};

/**
 * Sub-form rows as cards: each column's own input, computed columns from the prepared rows, and the
 * messages the pipeline put at `/<row>/<column>` under the cell. Rows can be added, removed and moved.
 */
export function SubformInput(props: FieldInputProps<"subform">) {
  const { field, value, onChange, readOnly, locale, services, inputId, prepared, issues, hiddenColumns } =
    props;
  const rows = rowsOf(value);
  const computedRows = rowsOf(prepared);
  const columns = field.fields.filter((c) => !hiddenColumns?.has(c.id));
  const max = field.maxRows;
  // The latest onChange is called through a ref: the writer lives as long as the input.
  const change = useRef(onChange);
  change.current = onChange;
  const writer = useRef(rowWriter((next) => change.current(next))).current;
  writer.seen(rows);
  const set = writer.set;
  const move = (from: number, to: number) => {
    const next = [...rows];
    const [row] = next.splice(from, 1);
    if (row) next.splice(to, 0, row);
    set(next);
  };

  return (
    <div id={inputId} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      {rows.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={textOf(locale, "暂无数据", "No rows yet")} />
      )}
      {rows.map((row, index) => (
        <Card
          // Rows have no ids of their own; the position is what the pipeline's pointers use too.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are addressed by position everywhere
          key={index}
          size="small"
          data-testid={`${field.id}-row`}
          title={textOf(locale, `第 ${index + 1} 行`, `Row ${index + 1}`)}
          extra={
            !readOnly && (
              <span style={{ display: "flex", gap: 4 }}>
                <Button
                  size="small"
                  type="text"
                  aria-label={textOf(locale, "上移", "Move up")}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                >
                  ↑
                </Button>
                <Button
                  size="small"
                  type="text"
                  aria-label={textOf(locale, "下移", "Move down")}
                  disabled={index === rows.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  ↓
                </Button>
                <Button
                  size="small"
                  type="text"
                  danger
                  onClick={() => set(rows.filter((_, i) => i !== index))}
                >
                  {textOf(locale, "删除", "Remove")}
                </Button>
              </span>
            )
          }
        >
          <div style={{ display: "flex", flexWrap: "wrap", gap: "8px 4%" }}>
            {columns.map((column) => {
              const computed = column.formula !== undefined;
              const cellId = `${inputId}-${index}-${column.id}`;
              const message = issues?.get(`/${index}/${column.id}`);
              const Input = fieldInputs[column.type] as FieldInput<FieldDefinition["type"]>;
              return (
                <div
                  key={column.id}
                  style={{ flex: `1 1 ${COLUMN_BASIS[column.width ?? "1/3"] ?? "30%"}`, minWidth: 140 }}
                >
                  <label htmlFor={cellId} style={{ display: "block", marginBottom: 4, fontSize: 13 }}>
                    {column.required && <span style={{ color: "var(--ant-color-error, #ff4d4f)" }}>* </span>}
                    {localize(column.label, locale)}
                  </label>
                  <Suspense fallback={<InputPlaceholder />}>
                    <Input
                      field={column}
                      value={computed ? computedRows[index]?.[column.id] : row[column.id]}
                      onChange={(cell) => writer.patch(index, { [column.id]: cell })}
                      // A link cell's fill rules copy into the same row (the product's list price).
                      onFill={(filled) => writer.patch(index, filled)}
                      readOnly={readOnly || computed || column.readonly === true}
                      locale={locale}
                      services={services}
                      inputId={cellId}
                      invalid={message !== undefined}
                    />
                  </Suspense>
                  {message && (
                    <div role="alert" style={{ color: "var(--ant-color-error, #ff4d4f)", fontSize: 13 }}>
                      {message}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </Card>
      ))}
      {issues?.get("") && (
        <div role="alert" style={{ color: "var(--ant-color-error, #ff4d4f)", fontSize: 13 }}>
          {issues.get("")}
        </div>
      )}
      {!readOnly && (max === undefined || rows.length < max) && (
        <Button type="dashed" block onClick={() => set([...rows, {}])}>
          {textOf(locale, "+ 添加一行", "+ Add row")}
        </Button>
      )}
    </div>
  );
}
