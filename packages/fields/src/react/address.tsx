import type { AddressSettings } from "@formwork/schema";
import { Cascader, Input } from "antd";
import { useEffect, useState } from "react";
import { loadChinaRegions, type RegionOption } from "./china-regions";
import { textOf } from "./text-of";
import type { FieldInputProps } from "./types";

const REGION_PARTS = ["province", "city", "district"] as const;
type AddressValue = Partial<Record<(typeof REGION_PARTS)[number] | "detail", string>>;

function depthOf(level: AddressSettings["level"]): 1 | 2 | 3 {
  return level === "province" ? 1 : level === "city" ? 2 : 3;
}

export function AddressInput({
  field,
  value,
  onChange,
  readOnly,
  inputId,
  locale,
  invalid,
}: FieldInputProps<"address">) {
  const depth = depthOf(field.level);
  const [options, setOptions] = useState<RegionOption[]>([]);
  useEffect(() => {
    let live = true;
    void loadChinaRegions(depth).then((tree) => live && setOptions(tree));
    return () => {
      live = false;
    };
  }, [depth]);

  const current: AddressValue = value && typeof value === "object" ? (value as AddressValue) : {};
  const path = REGION_PARTS.slice(0, depth)
    .map((part) => current[part])
    .filter((p): p is string => typeof p === "string");
  const emit = (next: AddressValue) => {
    const clean = Object.fromEntries(
      Object.entries(next).filter(([, v]) => typeof v === "string" && v !== ""),
    );
    onChange(Object.keys(clean).length === 0 ? null : clean);
  };

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Cascader
        id={inputId}
        options={options}
        value={path}
        onChange={(picked) => {
          const parts = (picked ?? []) as string[];
          emit({
            ...Object.fromEntries(REGION_PARTS.map((part, i) => [part, parts[i]])),
            detail: current.detail,
          });
        }}
        showSearch
        disabled={readOnly}
        placeholder={textOf(locale, "省 / 市 / 区", "Province / city / district")}
        status={invalid ? "error" : undefined}
        style={{ width: "100%" }}
      />
      {(field.level ?? "detail") === "detail" && (
        <Input
          aria-label={textOf(locale, "详细地址", "Street address")}
          placeholder={textOf(locale, "详细地址", "Street address")}
          value={current.detail ?? ""}
          readOnly={readOnly}
          onChange={(e) => emit({ ...current, detail: e.target.value })}
          status={invalid ? "error" : undefined}
        />
      )}
    </div>
  );
}
