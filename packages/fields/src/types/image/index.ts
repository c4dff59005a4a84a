import { fieldSettingsSchemas } from "@formwork/schema";
import { filesValueSchema, formatFiles, normalizeFiles, validateFiles } from "../../kinds/files";
import type { FieldSamples } from "../../samples";
import { isBlank } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

export const fieldType: FieldTypeDef<"image"> = {
  type: "image",
  category: "advanced",
  label: { "zh-CN": "图片", en: "Image" },
  stored: true,
  computable: false,
  settingsSchema: fieldSettingsSchemas.image,
  valueSchema: filesValueSchema,
  normalize: normalizeFiles,
  validate: (value, field) => validateFiles(value, field, ["image/*"]),
  isEmpty: isBlank,
  defaultModes: [],
  validationProps: ["required", "maxFiles", "maxSize"],
  filterOperators: ["empty", "notEmpty"],
  formulaType: () => ({ array: "any" }),
  format: (value, _field, locale) => formatFiles(value, locale),
  column: () => ({ sqlType: "jsonb" }),
};

export const samples: FieldSamples<"image"> = {
  field: { id: "photos", type: "image", label: "Photos", maxFiles: 2, maxSize: 1_000_000 },
  valid: [
    [{ id: "f1", name: " shop.jpg ", size: 1200, type: "IMAGE/JPEG" }],
    { id: "f2", name: "a.png", size: 5, type: "image/png" },
    [],
    null,
  ],
  invalid: [
    [{ id: "f1", name: "doc.pdf", size: 10, type: "application/pdf" }],
    [{ id: "f1", name: "big.png", size: 2_000_000, type: "image/png" }],
    [
      { id: "a", name: "1.png", size: 1, type: "image/png" },
      { id: "b", name: "2.png", size: 1, type: "image/png" },
      { id: "c", name: "3.png", size: 1, type: "image/png" },
    ],
    [{ id: "f1" }],
    "photo.png",
  ],
};
