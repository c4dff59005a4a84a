import { directoryFieldType } from "../../kinds/directory";
import type { FieldSamples } from "../../samples";

export const fieldType = directoryFieldType("members", { "zh-CN": "成员多选", en: "Members" }, "currentUser");

export const samples: FieldSamples<"members"> = {
  field: { id: "collaborators", type: "members", label: "Collaborators" },
  valid: [["u_1", "u_2", "u_1"], "u_3", [{ id: "u_4" }], [], null],
  invalid: [["ok", "not ok"], 3.2, [[]], { x: 1 }],
};
