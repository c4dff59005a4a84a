import { Button, Input, InputNumber, Space } from "antd";
import { useState } from "react";
import { textOf } from "./text-of";
import type { FieldInputProps } from "./types";

interface LocationValue {
  lng?: number;
  lat?: number;
  address?: string;
}

/** Coordinates typed in or taken from the device, plus an optional address line. */
export function LocationInput({
  value,
  onChange,
  readOnly,
  inputId,
  locale,
  invalid,
}: FieldInputProps<"location">) {
  const current: LocationValue = value && typeof value === "object" ? (value as LocationValue) : {};
  const [locating, setLocating] = useState(false);
  const [failed, setFailed] = useState(false);
  const emit = (next: LocationValue) => {
    const empty = next.lng === undefined && next.lat === undefined && !next.address;
    onChange(empty ? null : next);
  };
  const locate = () => {
    if (!("geolocation" in navigator)) return setFailed(true);
    setLocating(true);
    setFailed(false);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        emit({ ...current, lng: position.coords.longitude, lat: position.coords.latitude });
      },
      () => {
        setLocating(false);
        setFailed(true);
      },
      { timeout: 10_000 },
    );
  };
  const status = invalid ? "error" : undefined;
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Space.Compact style={{ width: "100%" }}>
        <InputNumber<number>
          id={inputId}
          aria-label={textOf(locale, "经度", "Longitude")}
          placeholder={textOf(locale, "经度", "Longitude")}
          min={-180}
          max={180}
          style={{ width: "50%" }}
          value={current.lng ?? null}
          readOnly={readOnly}
          onChange={(lng) => emit({ ...current, lng: lng ?? undefined })}
          status={status}
        />
        <InputNumber<number>
          aria-label={textOf(locale, "纬度", "Latitude")}
          placeholder={textOf(locale, "纬度", "Latitude")}
          min={-90}
          max={90}
          style={{ width: "50%" }}
          value={current.lat ?? null}
          readOnly={readOnly}
          onChange={(lat) => emit({ ...current, lat: lat ?? undefined })}
          status={status}
        />
      </Space.Compact>
      <Input
        aria-label={textOf(locale, "地址", "Address")}
        placeholder={textOf(locale, "地址", "Address")}
        value={current.address ?? ""}
        readOnly={readOnly}
        onChange={(e) => emit({ ...current, address: e.target.value || undefined })}
      />
      {!readOnly && (
        <Button onClick={locate} loading={locating} danger={failed}>
          {failed
            ? textOf(locale, "无法定位，请手动填写", "Could not locate; enter it by hand")
            : textOf(locale, "获取当前位置", "Use my location")}
        </Button>
      )}
    </div>
  );
}
