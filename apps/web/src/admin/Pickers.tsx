import { DepartmentSelect, MemberSelect } from "@formwork/fields/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { isLanguage } from "../i18n/languages";
import { orgServices } from "./org-services";

interface PickerProps<V> {
  value?: V;
  onChange?: (value: V) => void;
  disabled?: boolean;
  id?: string;
}

function useLocale() {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : "zh-CN";
}

// Both pickers take the same props; only the component differs.
function picker(Select: typeof MemberSelect | typeof DepartmentSelect) {
  return function Picker({ value, onChange, disabled, id }: PickerProps<string[]>) {
    const fallback = useId();
    return (
      <Select
        services={orgServices}
        multiple
        value={value ?? []}
        onChange={(next) => onChange?.(Array.isArray(next) ? (next as string[]) : [])}
        readOnly={disabled ?? false}
        locale={useLocale()}
        inputId={id ?? fallback}
        invalid={false}
      />
    );
  };
}

/** The forms' member picker (search + browse by department), several members, as an antd form control. */
export const MembersPicker = picker(MemberSelect);

/** The forms' department tree picker, several departments, as an antd form control. */
export const DepartmentsPicker = picker(DepartmentSelect);
