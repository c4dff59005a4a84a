import { directoryFieldType } from "../../kinds/directory";
import type { FieldSamples } from "../../samples";

export const fieldType = directoryFieldType("member", { "zh-CN": "成员单选", en: "Member" }, "currentUser");

export const samples: FieldSamples<"member"> = {
  field: { id: "owner", type: "member", label: "Owner", default: { currentUser: true } },
  valid: ["u_1", [" u_2 "], { id: "u_3" }, null],
  invalid: [["u_1", "u_2"], "bad id", 1.5, { name: "Ann" }],
};
