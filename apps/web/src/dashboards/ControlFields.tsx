// Which field of each widget's form a filter control filters (dashboard designer): one select per form
// the widgets read, offering the form's fields of the control's kind and the fitting system field.
import { SettingOutlined } from "@ant-design/icons";
import type { FilterControl, FormDefinition } from "@formwork/schema";
import { Button, Form, Popover, Select } from "antd";
import { useTranslation } from "react-i18next";
import { localize } from "../common/localized-text";
import { FITS } from "./control-fits";

interface Props {
  control: FilterControl;
  /** Keys of the forms the dashboard's widgets read. */
  formKeys: string[];
  formOf(key: string): FormDefinition | undefined;
  onChange(control: FilterControl): void;
}

export function ControlFields({ control, formKeys, formOf, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const fit = FITS[control.kind];
  const content = (
    <Form layout="vertical" style={{ width: 260 }} data-testid={`control-fields-${control.id}`}>
      {formKeys.map((key) => {
        const form = formOf(key);
        const name = form ? localize(form.name, i18n.language) : key;
        return (
          <Form.Item key={key} label={t("dashboards.filters.field", { form: name })}>
            <Select
              data-testid={`control-field-${control.id}-${key}`}
              value={control.fields[key]}
              allowClear
              onChange={(value?: string) => {
                const fields = { ...control.fields };
                if (value) fields[key] = value;
                else delete fields[key];
                onChange({ ...control, fields });
              }}
              options={[
                ...(form?.fields ?? [])
                  .filter((f) => fit.types.includes(f.type))
                  .map((f) => ({ value: f.id, label: localize(f.label, i18n.language) })),
                { value: fit.system, label: t(`dashboards.filters.system.${fit.system}`) },
              ]}
            />
          </Form.Item>
        );
      })}
    </Form>
  );
  return (
    <Popover trigger="click" title={t("dashboards.filters.mapping")} content={content}>
      <Button
        size="small"
        type="text"
        icon={<SettingOutlined />}
        aria-label={t("dashboards.filters.mapping")}
        data-testid={`control-settings-${control.id}`}
      />
    </Popover>
  );
}
