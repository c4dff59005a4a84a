import type { NodeKindDef } from "../kind";

export const startKind: NodeKindDef<"start"> = {
  kind: "start",
  create: (id) => ({ id, type: "start" }),
  outgoing: "one",
  incoming: false,
  inPalette: false,
};
