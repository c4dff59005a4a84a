import { fieldSettingsSchemas } from "@formwork/schema";
import { filesValueSchema, formatFiles, normalizeFiles, validateFiles } from "../../kinds/files";
import type { FieldSamples } from "../../samples";
import { isBlank } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

export const fieldType: FieldTypeDef<"attachment"> = {
  type: "attachment",
  category: "advanced",
  label: { "zh-CN": "附件", en: "Attachment" },
  stored: true,
  computable: false,
  settingsSchema: fieldSettingsSchemas.attachment,
  valueSchema: filesValueSchema,
  normalize: normalizeFiles,
  validate: (value, field) => validateFiles(value, field, []),
  isEmpty: isBlank,
  defaultModes: [],
  validationProps: ["required", "maxFiles", "maxSize"],
  filterOperators: ["empty", "notEmpty"],
  formulaType: () => ({ array: "any" }),
  format: (value, _field, locale) => formatFiles(value, locale),
  column: () => ({ sqlType: "jsonb" }),
};

export const samples: FieldSamples<"attachment"> = {
  field: { id: "files", type: "attachment", label: "Files", accept: [".pdf", "image/*"] },
  valid: [
    [
      { id: "c1", name: "contract.PDF", size: 52_000, type: "application/pdf" },
      { id: "c1", name: "contract.PDF", size: 52_000, type: "application/pdf" },
      { id: "c2", name: "scan.png", size: 100, type: "image/png" },
    ],
    null,
  ],
  invalid: [
    [{ id: "x", name: "run.exe", size: 1, type: "application/octet-stream" }],
    [{ id: "../x", name: "a.pdf", size: 1, type: "application/pdf" }],
    [{ id: "x", name: "a.pdf", size: -1, type: "application/pdf" }],
    [{ id: "x", name: "a\u0000.pdf", size: 1, type: "application/pdf" }],
  ],
};
