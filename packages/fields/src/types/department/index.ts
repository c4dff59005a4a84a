import { directoryFieldType } from "../../kinds/directory";
import type { FieldSamples } from "../../samples";

export const fieldType = directoryFieldType(
  "department",
  { "zh-CN": "部门单选", en: "Department" },
  "currentDept",
);

export const samples: FieldSamples<"department"> = {
  field: { id: "dept", type: "department", label: "Department", default: { currentDept: true } },
  valid: ["d_sales", null, ""],
  invalid: ["销售部 / 华南", ["d1", "d2"], false],
};
