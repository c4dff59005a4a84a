import type { NodeKindDef } from "../kind";

// A fill step most often hands the record back to the one who started it, to complete some fields.
export const fillKind: NodeKindDef<"fill"> = {
  kind: "fill",
  create: (id) => ({ id, type: "fill", assignees: [{ initiator: true }], mode: "any" }),
  outgoing: "one",
  incoming: true,
  inPalette: true,
};
