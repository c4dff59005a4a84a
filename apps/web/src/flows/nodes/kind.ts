// The data half of a node kind in the designer: how a new node of the kind starts, and what the
// graph editor must know about its edges. Each kind's folder exports one of these; the React half
// (card colour, icon, panel) lives beside it in ui.tsx.
import type { FlowNodeOf, NodeKind } from "@formwork/schema";

export interface NodeKindDef<K extends NodeKind = NodeKind> {
  kind: K;
  /** A new node of this kind: settings a designer would pick first, so it is valid where possible. */
  create(id: string): FlowNodeOf<K>;
  /** How many edges may leave it: none (end), one, or many (branch, parallel). */
  outgoing: "none" | "one" | "many";
  /** Whether an edge may lead into it (everything but the start). */
  incoming: boolean;
  /** Shown in the palette (start is placed once, by a new flow). */
  inPalette: boolean;
}
