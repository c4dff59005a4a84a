import type { DefinitionIssue, FlowEdge, FlowNode, NodeKind } from "@formwork/schema";
import type { Edge, Node } from "@xyflow/react";
import { createContext, useContext } from "react";

/** How far a running instance got, for the read-only chart. */
export type NodeStatus = "done" | "current" | "pending" | "rejected";

export interface FlowNodeData extends Record<string, unknown> {
  node: FlowNode;
  title: string;
  summary?: string;
  issues?: DefinitionIssue[];
  status?: NodeStatus;
  readOnly: boolean;
}

export interface FlowEdgeData extends Record<string, unknown> {
  edge: FlowEdge;
  /** "条件 1" / "默认" on a branch's lanes. */
  label?: string;
  isDefault?: boolean;
  issues?: DefinitionIssue[];
  traversed?: boolean;
  readOnly: boolean;
}

export type FlowRfNode = Node<FlowNodeData>;
export type FlowRfEdge = Edge<FlowEdgeData>;

/** What an edge's "+" does in the editor (inserting a node of a kind on that edge). */
export interface CanvasActions {
  insert: (edgeId: string, kind: NodeKind) => void;
}

export const CanvasActionsContext = createContext<CanvasActions | null>(null);
export const useCanvasActions = () => useContext(CanvasActionsContext);
