import type { NodeKindDef } from "../kind";

// The initiator's department head is who approves first in most companies (DingTalk's and
// Jiandaoyun's default too); one of them suffices until the designer says otherwise.
export const approvalKind: NodeKindDef<"approval"> = {
  kind: "approval",
  create: (id) => ({ id, type: "approval", assignees: [{ deptHead: 1 }], mode: "any" }),
  outgoing: "one",
  incoming: true,
  inPalette: true,
};
