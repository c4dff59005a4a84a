import { Button, Space } from "antd";
import { useEffect, useRef, useState } from "react";
import SignaturePad from "signature_pad";
import { textOf } from "./text-of";
import type { FieldInputProps } from "./types";

function fileIdOf(value: unknown): string | null {
  const id = (value as { fileId?: unknown } | null)?.fileId;
  return typeof id === "string" ? id : null;
}

/** A signature drawn with finger or mouse, stored as a PNG file once the signer confirms it. */
export function SignatureInput({
  value,
  onChange,
  readOnly,
  locale,
  services,
  inputId,
  invalid,
}: FieldInputProps<"signature">) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [drawn, setDrawn] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const fileId = fileIdOf(value);

  useEffect(() => {
    const element = canvas.current;
    if (!element || fileId || readOnly) return;
    // The canvas is drawn at device resolution so strokes stay sharp on phones.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    element.width = element.offsetWidth * ratio;
    element.height = element.offsetHeight * ratio;
    element.getContext("2d")?.scale(ratio, ratio);
    const instance = new SignaturePad(element);
    instance.addEventListener("endStroke", () => setDrawn(!instance.isEmpty()));
    pad.current = instance;
    return () => {
      instance.off();
      pad.current = null;
    };
  }, [fileId, readOnly]);

  const save = () => {
    const element = canvas.current;
    if (!element || !pad.current || pad.current.isEmpty()) return;
    setSaving(true);
    setFailed(false);
    element.toBlob((blob) => {
      if (!blob) return setSaving(false);
      services
        .upload(blob, "signature.png", () => {})
        .then((ref) => onChange({ fileId: ref.id }))
        .catch(() => setFailed(true))
        .finally(() => setSaving(false));
    }, "image/png");
  };

  const border = `1px ${invalid ? "solid var(--ant-color-error, #ff4d4f)" : "dashed var(--ant-color-border, #d9d9d9)"}`;
  if (fileId)
    return (
      <Space direction="vertical" id={inputId}>
        <img
          src={services.fileUrl(fileId)}
          alt={textOf(locale, "签名", "Signature")}
          style={{ maxWidth: "100%", height: 120, border }}
        />
        {!readOnly && (
          <Button onClick={() => onChange(null)}>{textOf(locale, "重新签名", "Sign again")}</Button>
        )}
      </Space>
    );
  if (readOnly) return <span id={inputId}>—</span>;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <canvas
        id={inputId}
        ref={canvas}
        aria-label={textOf(locale, "在此签名", "Sign here")}
        style={{
          width: "100%",
          height: 160,
          border,
          borderRadius: 6,
          touchAction: "none",
          background: "#fff",
        }}
      />
      <Space>
        <Button
          onClick={() => {
            pad.current?.clear();
            setDrawn(false);
          }}
          disabled={!drawn}
        >
          {textOf(locale, "清除", "Clear")}
        </Button>
        <Button type="primary" ghost onClick={save} disabled={!drawn} loading={saving} danger={failed}>
          {failed
            ? textOf(locale, "上传失败，重试", "Upload failed, retry")
            : textOf(locale, "确认签名", "Use this signature")}
        </Button>
      </Space>
    </Space>
  );
}
