// The widget editor: kind, title, data source (form or one of its sub-forms), dimensions (a field, a
// linked form's field, or a date bucket), measures, the static filter (the data grid's filter panel),
// and the kind's options. The definition is checked again by the server on save.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  DASHBOARD_BUCKETS,
  DASHBOARD_MEASURE_OPS,
  type FieldDefinition,
  type FormDefinition,
  WIDGET_KINDS,
  WIDGET_SHAPES,
  type Widget,
  type WidgetDimension,
  type WidgetMeasure,
} from "@formwork/schema";
import { Button, Checkbox, Drawer, Form, Input, InputNumber, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { localize } from "../common/localized-text";
import { FilterPanel } from "../data/FilterPanel";
import { gridColumns } from "../data/record-columns";
import styles from "./dashboards.module.css";

const DATE_TYPES = new Set(["date", "datetime"]);
const NUMBER_TYPES = new Set(["number", "money", "rating", "aggregate"]);
const UNGROUPABLE = new Set([
  "subform",
  "attachment",
  "image",
  "signature",
  "location",
  "address",
  "description",
  "divider",
  "textarea",
]);

export interface EditorForm {
  key: string;
  name: string;
  definition: FormDefinition;
}

interface Props {
  initial: Widget;
  forms: EditorForm[];
  formOf(key: string): FormDefinition | undefined;
  onCancel(): void;
  onSave(widget: Widget): void;
}

/** "field" or "via:field" — a select value naming a field of the source or of a linked form. */
const encode = (field: string, via?: string) => (via ? `${via}:${field}` : field);
const decode = (value: string): { field: string; via?: string } => {
  const [a, b] = value.split(":");
  return b === undefined ? { field: a! } : { field: b, via: a! };
};

export function WidgetEditor({ initial, forms, formOf, onCancel, onSave }: Props) {
  const { t, i18n } = useTranslation();
  const [w, setW] = useState<Widget>(initial);
  const set = (patch: Partial<Widget>) => setW((current) => ({ ...current, ...patch }));
  const label = (f: FieldDefinition) => localize(f.label, i18n.language) || f.id;
  const form = w.form ? formOf(w.form) : undefined;
  const sub = w.subform ? form?.fields.find((f) => f.id === w.subform) : undefined;
  const fields: FieldDefinition[] = sub?.type === "subform" ? sub.fields : (form?.fields ?? []);
  const shape = WIDGET_SHAPES[w.kind];

  // Every field a dimension or measure may read: own fields, then each link field's form's fields.
  const choices: { value: string; label: string; field: FieldDefinition }[] = [];
  for (const f of fields) {
    if (f.type === "subform") continue;
    choices.push({ value: f.id, label: label(f), field: f });
    if (f.type === "link") {
      for (const g of formOf(f.form)?.fields ?? []) {
        if (g.type !== "subform")
          choices.push({ value: encode(g.id, f.id), label: `${label(f)} › ${label(g)}`, field: g });
      }
    }
  }
  const fieldOf = (value: string) => choices.find((c) => c.value === value)?.field;
  const dims = w.dimensions ?? [];
  const measures = w.measures ?? [];
  const setDims = (next: WidgetDimension[]) => set({ dimensions: next.length ? next : undefined });
  const setMeasures = (next: WidgetMeasure[]) => set({ measures: next.length ? next : undefined });

  return (
    <Drawer
      open
      size={640}
      title={t("dashboards.editWidget")}
      onClose={onCancel}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onCancel}>{t("dashboards.editor.cancel")}</Button>
          <Button type="primary" onClick={() => onSave(w)} data-testid="widget-editor-ok">
            {t("dashboards.editor.ok")}
          </Button>
        </Space>
      }
    >
      <Form layout="vertical" className={styles.editor} data-testid="widget-editor">
        <Form.Item label={t("dashboards.title")}>
          <Input
            value={w.title ?? ""}
            onChange={(e) => set({ title: e.target.value || undefined })}
            data-testid="widget-title"
          />
        </Form.Item>
        <Form.Item label={t("dashboards.addWidget")}>
          <Select
            value={w.kind}
            data-testid="widget-kind"
            options={WIDGET_KINDS.map((k) => ({ value: k, label: t(`dashboards.kind.${k}`) }))}
            onChange={(kind) => {
              const next = WIDGET_SHAPES[kind];
              set({
                kind,
                dimensions: dims.slice(0, next.dimensions[1]).length
                  ? dims.slice(0, next.dimensions[1])
                  : undefined,
                measures:
                  next.measures[1] === 0
                    ? undefined
                    : measures.length
                      ? measures.slice(0, next.measures[1])
                      : [{ op: "count" }],
              });
            }}
          />
        </Form.Item>
        {w.kind === "text" ? (
          <Form.Item label={t("dashboards.editor.text")}>
            <Input.TextArea rows={5} value={w.text ?? ""} onChange={(e) => set({ text: e.target.value })} />
          </Form.Item>
        ) : (
          <>
            <Space wrap>
              <Form.Item label={t("dashboards.editor.form")}>
                <Select
                  style={{ minWidth: 200 }}
                  value={w.form}
                  data-testid="widget-form"
                  options={forms.map((f) => ({ value: f.key, label: f.name }))}
                  onChange={(key) =>
                    set({
                      form: key,
                      subform: undefined,
                      dimensions: undefined,
                      filter: undefined,
                      compareField: undefined,
                    })
                  }
                />
              </Form.Item>
              {w.kind !== "table" && (
                <Form.Item label={t("dashboards.editor.subform")}>
                  <Select
                    style={{ minWidth: 160 }}
                    value={w.subform ?? ""}
                    options={[
                      { value: "", label: t("dashboards.editor.records") },
                      ...(form?.fields ?? [])
                        .filter((f) => f.type === "subform")
                        .map((f) => ({ value: f.id, label: label(f) })),
                    ]}
                    onChange={(v) =>
                      set({ subform: v || undefined, dimensions: undefined, measures: [{ op: "count" }] })
                    }
                  />
                </Form.Item>
              )}
            </Space>
            {shape.dimensions[1] > 0 && (
              <Form.Item label={t("dashboards.editor.dimensions")}>
                {dims.map((d, i) => {
                  const f = fieldOf(encode(d.field, d.via));
                  return (
                    <Space key={`${i}-${d.field}`} className={styles.editorRow}>
                      <Select
                        style={{ minWidth: 200 }}
                        showSearch={{ optionFilterProp: "label" }}
                        value={encode(d.field, d.via)}
                        data-testid={`dimension-${i}`}
                        options={choices
                          .filter((c) => !UNGROUPABLE.has(c.field.type))
                          .map(({ value, label }) => ({ value, label }))}
                        onChange={(value) => {
                          const next = [...dims];
                          const picked = decode(value);
                          next[i] = DATE_TYPES.has(fieldOf(value)?.type ?? "")
                            ? { ...picked, bucket: "month" }
                            : picked;
                          setDims(next);
                        }}
                      />
                      {f && DATE_TYPES.has(f.type) && (
                        <Select
                          style={{ width: 110 }}
                          value={d.bucket}
                          allowClear
                          options={DASHBOARD_BUCKETS.map((b) => ({
                            value: b,
                            label: t(`dashboards.bucket.${b}`),
                          }))}
                          onChange={(bucket) => {
                            const next = [...dims];
                            next[i] = {
                              field: d.field,
                              ...(d.via ? { via: d.via } : {}),
                              ...(bucket ? { bucket } : {}),
                            };
                            setDims(next);
                          }}
                        />
                      )}
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        onClick={() => setDims(dims.filter((_, j) => j !== i))}
                      />
                    </Space>
                  );
                })}
                {dims.length < shape.dimensions[1] && choices.length > 0 && (
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    data-testid="add-dimension"
                    onClick={() => {
                      const first = choices.find((c) => !UNGROUPABLE.has(c.field.type))!;
                      const picked = decode(first.value);
                      setDims([
                        ...dims,
                        DATE_TYPES.has(first.field.type) ? { ...picked, bucket: "month" } : picked,
                      ]);
                    }}
                  >
                    {t("dashboards.editor.addDimension")}
                  </Button>
                )}
              </Form.Item>
            )}
            {shape.measures[1] > 0 && (
              <Form.Item label={t("dashboards.editor.measures")}>
                {measures.map((m, i) => (
                  <Space key={`${i}-${m.op}`} className={styles.editorRow}>
                    <Select
                      style={{ width: 130 }}
                      value={m.op}
                      data-testid={`measure-op-${i}`}
                      options={DASHBOARD_MEASURE_OPS.map((op) => ({
                        value: op,
                        label: t(`dashboards.op.${op}`, { field: "" }) || op,
                      }))}
                      onChange={(op) => {
                        const next = [...measures];
                        next[i] = op === "count" ? { op } : { ...m, op };
                        setMeasures(next);
                      }}
                    />
                    <Select
                      style={{ minWidth: 200 }}
                      allowClear={m.op === "count"}
                      value={m.field === undefined ? undefined : encode(m.field, m.via)}
                      data-testid={`measure-field-${i}`}
                      placeholder={t("dashboards.op.countRecords")}
                      options={choices
                        .filter((c) =>
                          m.op === "sum" || m.op === "avg" ? NUMBER_TYPES.has(c.field.type) : true,
                        )
                        .map(({ value, label }) => ({ value, label }))}
                      onChange={(value) => {
                        const next = [...measures];
                        next[i] = value ? { op: m.op, ...decode(value) } : { op: m.op };
                        setMeasures(next);
                      }}
                    />
                    {measures.length > shape.measures[0] && (
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        onClick={() => setMeasures(measures.filter((_, j) => j !== i))}
                      />
                    )}
                  </Space>
                ))}
                {measures.length < shape.measures[1] && (
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => setMeasures([...measures, { op: "count" }])}
                  >
                    {t("dashboards.editor.addMeasure")}
                  </Button>
                )}
              </Form.Item>
            )}
            {w.kind === "kpi" && (
              <Form.Item label={t("dashboards.editor.compareField")}>
                <Select
                  allowClear
                  value={w.compareField}
                  data-testid="compare-field"
                  options={[
                    ...fields
                      .filter((f) => DATE_TYPES.has(f.type))
                      .map((f) => ({ value: f.id, label: label(f) })),
                    ...(w.subform ? [] : [{ value: "$createdAt", label: t("data.system.createdAt") }]),
                  ]}
                  onChange={(v) => set({ compareField: v || undefined })}
                />
              </Form.Item>
            )}
            <Space wrap>
              {(w.kind === "bar" || w.kind === "line") && (
                <Checkbox
                  checked={w.stacked ?? false}
                  onChange={(e) => set({ stacked: e.target.checked || undefined })}
                >
                  {t("dashboards.editor.stacked")}
                </Checkbox>
              )}
              {w.kind === "bar" && (
                <Checkbox
                  checked={w.horizontal ?? false}
                  onChange={(e) => set({ horizontal: e.target.checked || undefined })}
                >
                  {t("dashboards.editor.horizontal")}
                </Checkbox>
              )}
              {w.kind === "line" && (
                <Checkbox
                  checked={w.area ?? false}
                  onChange={(e) => set({ area: e.target.checked || undefined })}
                >
                  {t("dashboards.editor.area")}
                </Checkbox>
              )}
              {w.kind === "pie" && (
                <Checkbox
                  checked={w.donut ?? false}
                  onChange={(e) => set({ donut: e.target.checked || undefined })}
                >
                  {t("dashboards.editor.donut")}
                </Checkbox>
              )}
              {w.kind === "ranking" && (
                <Form.Item label={t("dashboards.editor.limit")}>
                  <InputNumber
                    min={1}
                    max={100}
                    value={w.limit ?? 10}
                    onChange={(v) => set({ limit: v ?? undefined })}
                  />
                </Form.Item>
              )}
            </Space>
            {w.kind === "table" && form && (
              <Form.Item label={t("dashboards.editor.columns")}>
                <Select
                  mode="multiple"
                  value={w.columns ?? []}
                  options={form.fields
                    .filter((f) => f.type !== "subform")
                    .map((f) => ({ value: f.id, label: label(f) }))}
                  onChange={(columns) => set({ columns: columns.length ? columns : undefined })}
                />
              </Form.Item>
            )}
            {form && (
              <Form.Item label={t("dashboards.editor.filter")}>
                <FilterPanel
                  key={w.form}
                  columns={gridColumns(form)}
                  columnLabel={(c) => (c.field ? label(c.field) : t(`data.system.${c.id.slice(1)}`))}
                  applied={w.filter}
                  onApply={(filter) => set({ filter: filter ?? undefined })}
                />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Drawer>
  );
}
