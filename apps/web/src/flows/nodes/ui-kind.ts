// The React half of a node kind: how its card looks and what its settings panel edits. Each kind's
// folder exports one (ui.tsx); nodes/ui.ts collects them by kind.
import type { FlowNodeOf, NodeKind } from "@formwork/schema";
import type { ComponentType, ReactNode } from "react";
import type { SummaryContext } from "../panel/summary";

export interface NodeKindUi<K extends NodeKind = NodeKind> {
  icon: ReactNode;
  /** The card's accent (header stripe, icon). */
  color: string;
  /** One line under the card's title: who handles it, how. */
  summary?: (node: FlowNodeOf<K>, context: SummaryContext) => string;
  /** The kind's settings; the node's name is edited above it for every kind. */
  Panel?: ComponentType<{ node: FlowNodeOf<K> }>;
}
