import { directoryFieldType } from "../../kinds/directory";
import type { FieldSamples } from "../../samples";

export const fieldType = directoryFieldType(
  "departments",
  { "zh-CN": "部门多选", en: "Departments" },
  "currentDept",
);

export const samples: FieldSamples<"departments"> = {
  field: { id: "depts", type: "departments", label: "Departments" },
  valid: [["d1", "d2"], "d3", null],
  invalid: [["d1", "d 2"], 0.5, "a".repeat(65)],
};
