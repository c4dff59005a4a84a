import type { Locale, OptionSettings } from "@formwork/schema";
import { localize } from "../shared/messages";

/** The antd options of an option field: value plus the label in the UI language. */
export function optionList(field: OptionSettings, locale: Locale): { value: string; label: string }[] {
  return field.options.map((option) => ({
    value: option.value,
    label: localize(option.label, locale, option.value),
  }));
}

export function asStringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
