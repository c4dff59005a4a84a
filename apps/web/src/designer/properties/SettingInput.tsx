import type { LocalizedText, OptionItem } from "@formwork/schema";
import { Input, InputNumber, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { JsonInput } from "./JsonInput";
import { LocalizedInput } from "./LocalizedInput";
import { OptionsEditor } from "./OptionsEditor";
import type { SettingControl } from "./settings-controls";

interface SettingInputProps {
  control: SettingControl;
  value: unknown;
  onChange: (value: unknown) => void;
  id: string;
}

/** The input a setting's schema calls for; clearing an optional input removes the setting. */
export function SettingInput({ control, value, onChange, id }: SettingInputProps) {
  const { t } = useTranslation();
  switch (control.kind) {
    case "text":
      return (
        <Input
          id={id}
          value={typeof value === "string" ? value : ""}
          maxLength={control.maxLength}
          onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
        />
      );
    case "number":
      return (
        <InputNumber
          id={id}
          style={{ width: "100%" }}
          value={typeof value === "number" ? value : null}
          min={control.min}
          max={control.max}
          precision={control.integer ? 0 : undefined}
          onChange={(next) => onChange(next ?? undefined)}
        />
      );
    case "boolean":
      return (
        <Switch id={id} checked={value === true} onChange={(checked) => onChange(checked || undefined)} />
      );
    case "enum":
      return (
        <Select
          id={id}
          allowClear
          value={typeof value === "string" ? value : undefined}
          options={control.values.map((v) => ({ value: v, label: t(`designer.enum.${control.key}.${v}`) }))}
          onChange={(next) => onChange(next ?? undefined)}
        />
      );
    case "localized":
      return <LocalizedInput id={id} value={value as LocalizedText | undefined} onChange={onChange} />;
    case "stringList":
      return (
        <Select
          id={id}
          mode="tags"
          value={Array.isArray(value) ? (value as string[]) : []}
          open={false}
          tokenSeparators={[",", " "]}
          onChange={(next: string[]) => onChange(next.length === 0 ? undefined : next)}
        />
      );
    case "options":
      return (
        <OptionsEditor value={Array.isArray(value) ? (value as OptionItem[]) : []} onChange={onChange} />
      );
    case "json":
      return <JsonInput id={id} value={value} onChange={onChange} />;
  }
}
