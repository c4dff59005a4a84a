import type { NodeKindDef } from "../kind";

export const branchKind: NodeKindDef<"branch"> = {
  kind: "branch",
  create: (id) => ({ id, type: "branch" }),
  outgoing: "many",
  incoming: true,
  inPalette: true,
};
