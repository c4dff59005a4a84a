import type { FileSettings, Locale } from "@formwork/schema";
import { Button, Upload, type UploadFile } from "antd";
import { useState } from "react";
import { textOf } from "./text-of";
import type { FieldServices, FileRef } from "./types";

interface FileUploadProps {
  settings: FileSettings;
  value: unknown;
  onChange(value: unknown): void;
  readOnly: boolean;
  locale: Locale;
  services: FieldServices;
  inputId: string;
  images: boolean;
}

function asFiles(value: unknown): FileRef[] {
  return Array.isArray(value) ? (value as FileRef[]).filter((f) => f && typeof f.id === "string") : [];
}

function acceptedBy(file: File, accept: readonly string[]): boolean {
  if (accept.length === 0) return true;
  const name = file.name.toLowerCase();
  return accept.some((rule) => {
    const r = rule.toLowerCase();
    if (r.startsWith(".")) return name.endsWith(r);
    if (r.endsWith("/*")) return file.type.startsWith(r.slice(0, -1));
    return file.type === r;
  });
}

/**
 * Image and attachment upload: each file goes to the file store as soon as it is picked (with
 * progress); the field's value is the list of stored files. Size and type limits are checked here
 * first so nobody waits for an upload the server would refuse.
 */
export function FileUpload({
  settings,
  value,
  onChange,
  readOnly,
  locale,
  services,
  inputId,
  images,
}: FileUploadProps) {
  const stored = asFiles(value);
  const [pending, setPending] = useState<UploadFile[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const accept = settings.accept ?? (images ? ["image/*"] : []);
  const full = settings.maxFiles !== undefined && stored.length + pending.length >= settings.maxFiles;

  const list: UploadFile[] = [
    ...stored.map((f) => ({
      uid: f.id,
      name: f.name,
      status: "done" as const,
      url: services.fileUrl(f.id),
      thumbUrl: images ? services.fileUrl(f.id) : undefined,
    })),
    ...pending,
  ];

  const start = (file: File) => {
    if (!acceptedBy(file, accept)) {
      setProblem(textOf(locale, `不支持的文件类型：${file.name}`, `File type not accepted: ${file.name}`));
      return false;
    }
    if (settings.maxSize !== undefined && file.size > settings.maxSize) {
      const mb = (settings.maxSize / 1048576).toFixed(1);
      setProblem(textOf(locale, `${file.name} 超过 ${mb} MB`, `${file.name} is larger than ${mb} MB`));
      return false;
    }
    setProblem(null);
    const uid = `${Date.now()}-${Math.random()}`;
    const track = (patch: Partial<UploadFile>) =>
      setPending((all) => all.map((p) => (p.uid === uid ? { ...p, ...patch } : p)));
    setPending((all) => [...all, { uid, name: file.name, status: "uploading", percent: 0 }]);
    services
      .upload(file, file.name, (percent) => track({ percent }))
      .then((ref) => {
        setPending((all) => all.filter((p) => p.uid !== uid));
        onChange([...asFiles(value), ref]);
      })
      .catch(() => track({ status: "error" }));
    return false;
  };

  return (
    <div id={inputId}>
      <Upload
        fileList={list}
        listType={images ? "picture-card" : "text"}
        accept={accept.join(",") || undefined}
        multiple={settings.maxFiles !== 1}
        disabled={readOnly}
        beforeUpload={start}
        onRemove={(file) => {
          if (stored.some((f) => f.id === file.uid)) {
            const rest = stored.filter((f) => f.id !== file.uid);
            onChange(rest.length === 0 ? null : rest);
          } else setPending((all) => all.filter((p) => p.uid !== file.uid));
          return false;
        }}
      >
        {readOnly || full ? null : images ? (
          <span>{textOf(locale, "上传图片", "Upload")}</span>
        ) : (
          <Button>{textOf(locale, "上传文件", "Upload file")}</Button>
        )}
      </Upload>
      {problem && <div style={{ color: "var(--ant-color-error, #ff4d4f)" }}>{problem}</div>}
    </div>
  );
}
