import type { NodeKindDef } from "../kind";

export const parallelKind: NodeKindDef<"parallel"> = {
  kind: "parallel",
  create: (id) => ({ id, type: "parallel" }),
  outgoing: "many",
  incoming: true,
  inPalette: true,
};
