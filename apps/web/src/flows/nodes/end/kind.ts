import type { NodeKindDef } from "../kind";

export const endKind: NodeKindDef<"end"> = {
  kind: "end",
  create: (id) => ({ id, type: "end" }),
  outgoing: "none",
  incoming: true,
  inPalette: true,
};
