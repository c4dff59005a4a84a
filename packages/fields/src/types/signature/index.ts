import { fieldSettingsSchemas } from "@formwork/schema";
import type { FieldSamples } from "../../samples";
import { issue } from "../../shared/messages";
import { ID_PATTERN, isId, isPlainObject, nullable } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

// A hand-written signature: the image is uploaded like any file; the record keeps its file id.
const valueSchema = nullable({
  type: "object",
  properties: { fileId: { type: "string", pattern: ID_PATTERN } },
  required: ["fileId"],
  additionalProperties: false,
});

export const fieldType: FieldTypeDef<"signature"> = {
  type: "signature",
  category: "advanced",
  label: { "zh-CN": "手写签名", en: "Signature" },
  stored: true,
  computable: false,
  settingsSchema: fieldSettingsSchemas.signature,
  valueSchema: () => valueSchema,
  normalize: (value) => {
    if (typeof value === "string") return value.trim() === "" ? null : { fileId: value.trim() };
    if (isPlainObject(value) && typeof value.fileId === "string")
      return { ...value, fileId: value.fileId.trim() };
    return value;
  },
  validate: (value) =>
    value === null || value === undefined || (isPlainObject(value) && isId(value.fileId))
      ? []
      : [issue("", "应为已上传的签名", "Must be an uploaded signature")],
  isEmpty: (value) => value === null || value === undefined,
  defaultModes: [],
  validationProps: ["required"],
  filterOperators: ["empty", "notEmpty"],
  formulaType: () => "any",
  format: (value, _field, locale) => (isPlainObject(value) ? (locale === "en" ? "Signed" : "已签名") : ""),
  column: () => ({ sqlType: "jsonb" }),
};

export const samples: FieldSamples<"signature"> = {
  field: { id: "sign", type: "signature", label: "Signature" },
  valid: [{ fileId: "f_01HX" }, " f_2 ", null, ""],
  invalid: [{ fileId: "../etc/passwd" }, { file: "x" }, 12, { fileId: "a", extra: 1 }],
};
