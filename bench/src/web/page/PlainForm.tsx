// The baseline: a hand-written React form with the same antd inputs, labels and two-column layout,
// holding its values in one state object (what a developer would write without a form engine).
import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from "antd";
import { useCallback, useState } from "react";
import { FORM_200, KINDS, OPTION_ITEMS } from "./form-200";

const selectOptions = OPTION_ITEMS.map((o) => ({ value: o.value, label: o.label }));

function Input200({
  i,
  value,
  onChange,
}: {
  i: number;
  value: unknown;
  onChange: (id: string, v: unknown) => void;
}) {
  const id = `f${i}`;
  switch (KINDS[i % KINDS.length]) {
    case "text":
      return <Input id={id} value={(value as string) ?? ""} onChange={(e) => onChange(id, e.target.value)} />;
    case "textarea":
      return (
        <Input.TextArea
          id={id}
          value={(value as string) ?? ""}
          onChange={(e) => onChange(id, e.target.value)}
        />
      );
    case "number":
    case "money":
      return (
        <InputNumber
          id={id}
          style={{ width: "100%" }}
          value={value as number}
          onChange={(v) => onChange(id, v)}
        />
      );
    case "select":
      return <Select id={id} options={selectOptions} value={value} onChange={(v) => onChange(id, v)} />;
    case "date":
      return <DatePicker id={id} style={{ width: "100%" }} onChange={(v) => onChange(id, v)} />;
    case "radio":
      return (
        <Radio.Group options={selectOptions} value={value} onChange={(e) => onChange(id, e.target.value)} />
      );
    default:
      return (
        <Checkbox.Group
          options={selectOptions}
          value={(value as string[]) ?? []}
          onChange={(v) => onChange(id, v)}
        />
      );
  }
}

export function PlainForm() {
  const [values, setValues] = useState<Record<string, unknown>>({});
  const onChange = useCallback((id: string, v: unknown) => setValues((all) => ({ ...all, [id]: v })), []);
  return (
    <form>
      <Row gutter={[16, 20]}>
        {FORM_200.fields.map((field, i) => (
          <Col key={field.id} xs={24} md={12}>
            <Form.Item label={String(field.label)} htmlFor={field.id} layout="vertical">
              <Input200 i={i} value={values[field.id]} onChange={onChange} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </form>
  );
}
