import type { NodeKindDef } from "../kind";

// Copying the initiator keeps a new CC node valid; the designer replaces it with the real recipients.
export const ccKind: NodeKindDef<"cc"> = {
  kind: "cc",
  create: (id) => ({ id, type: "cc", assignees: [{ initiator: true }] }),
  outgoing: "one",
  incoming: true,
  inPalette: true,
};
