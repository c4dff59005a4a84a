import type { NodeKindDef } from "../kind";

export const joinKind: NodeKindDef<"join"> = {
  kind: "join",
  create: (id) => ({ id, type: "join" }),
  outgoing: "one",
  incoming: true,
  inPalette: true,
};
