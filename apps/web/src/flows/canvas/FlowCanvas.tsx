import "@xyflow/react/dist/style.css";
import type { FlowDefinition, FormDefinition, NodeKind } from "@formwork/schema";
import {
  applyNodeChanges,
  Background,
  Controls,
  MarkerType,
  type NodeChange,
  ReactFlow,
  useReactFlow,
} from "@xyflow/react";
import { type DragEvent, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FlowSelection } from "../flow-context";
import styles from "../flows.module.css";
import { branchLanes } from "../model/branch-order";
import type { FlowIssues } from "../model/flow-issues";
import { kindUi } from "../nodes/ui";
import { useDirectory } from "../panel/directory";
import { nodeTitle } from "../panel/node-title";
import type { SummaryContext } from "../panel/summary";
import {
  type CanvasActions,
  CanvasActionsContext,
  type FlowRfEdge,
  type FlowRfNode,
  type NodeStatus,
} from "./canvas-types";
import { FlowEdgeView } from "./FlowEdgeView";
import { NodeCard } from "./NodeCard";

export const PALETTE_MIME = "application/x-formwork-node";

const nodeTypes = { card: NodeCard };
const edgeTypes = { flow: FlowEdgeView };

export interface CanvasEditing extends CanvasActions {
  select: (selection: FlowSelection) => void;
  connect: (source: string, target: string) => void;
  move: (positions: Record<string, { x: number; y: number }>) => void;
  remove: (nodeIds: string[], edgeIds: string[]) => void;
  drop: (kind: NodeKind, position: { x: number; y: number }) => void;
}

interface FlowCanvasProps {
  /** Every node positioned (see withPositions). */
  flow: FlowDefinition;
  /** The form the flow belongs to (its field names appear in the summaries); absent: no summaries. */
  form?: FormDefinition;
  /** Replaces the cards' summaries (the read-only chart says who handled a node instead). */
  summaries?: ReadonlyMap<string, string>;
  issues?: FlowIssues;
  status?: ReadonlyMap<string, NodeStatus>;
  traversed?: ReadonlySet<string>;
  selection?: FlowSelection;
  /** Absent: a read-only chart (the record's flow panel). */
  editing?: CanvasEditing;
  className?: string;
  /** A fixed height in pixels (the read-only chart); without it the canvas fills its flex parent. */
  height?: number;
}

/** The flow drawn with React Flow: the designer's editable canvas and the record's read-only chart. */
export function FlowCanvas({
  flow,
  form,
  summaries,
  issues,
  status,
  traversed,
  selection,
  editing,
  className,
  height,
}: FlowCanvasProps) {
  const { t, i18n } = useTranslation();
  const directory = useDirectory();
  const { screenToFlowPosition } = useReactFlow();
  const readOnly = !editing;

  const built = useMemo<FlowRfNode[]>(() => {
    const context: SummaryContext | undefined = form && { t, language: i18n.language, form, directory };
    return flow.nodes.map((node) => {
      const summarize = kindUi(node.type).summary as
        | ((n: typeof node, c: SummaryContext) => string)
        | undefined;
      return {
        id: node.id,
        type: "card",
        position: node.position ?? { x: 0, y: 0 },
        deletable: !readOnly && node.type !== "start",
        selected: selection !== undefined && "node" in selection && selection.node === node.id,
        data: {
          node,
          title: nodeTitle(node, t, i18n.language),
          summary: summaries ? summaries.get(node.id) : context && summarize?.(node, context),
          issues: issues?.nodes.get(node.id),
          status: status?.get(node.id),
          readOnly,
        },
      };
    });
  }, [flow, form, summaries, directory, issues, status, selection, readOnly, t, i18n.language]);

  // React Flow moves cards while dragging; the definition changes once, when the drag ends. A rebuilt
  // card keeps the size React Flow measured: without it the card counts as unmeasured, its edges
  // unmount until it is measured again, and an open "+" menu on them would close.
  const [nodes, setNodes] = useState(built);
  useEffect(
    () =>
      setNodes((current) => {
        const measured = new Map(current.map((n) => [n.id, n.measured]));
        return built.map((n) => (measured.get(n.id) ? { ...n, measured: measured.get(n.id) } : n));
      }),
    [built],
  );

  const edges = useMemo<FlowRfEdge[]>(() => {
    const labels = new Map<string, { label: string; isDefault: boolean }>();
    for (const node of flow.nodes) {
      if (node.type !== "branch") continue;
      const lanes = branchLanes(flow, node.id);
      lanes.conditions.forEach((e, i) => {
        labels.set(e.id, { label: t("flows.branch.condition", { n: i + 1 }), isDefault: false });
      });
      if (lanes.fallback)
        labels.set(lanes.fallback.id, { label: t("flows.branch.default"), isDefault: true });
    }
    return flow.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: "flow",
      deletable: !readOnly,
      selected: selection !== undefined && "edge" in selection && selection.edge === edge.id,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      data: {
        edge,
        ...labels.get(edge.id),
        issues: issues?.edges.get(edge.id),
        traversed: traversed?.has(edge.id),
        readOnly,
      },
    }));
  }, [flow, issues, traversed, selection, readOnly, t]);

  const onNodesChange = (changes: NodeChange<FlowRfNode>[]) => {
    // Removals and selection go through the definition; only dragging is applied locally.
    const local = changes.filter((c) => c.type === "position" || c.type === "dimensions");
    if (local.length > 0) setNodes((current) => applyNodeChanges(local, current));
  };

  const onDrop = (event: DragEvent) => {
    const kind = event.dataTransfer.getData(PALETTE_MIME) as NodeKind;
    if (!editing || !kind) return;
    event.preventDefault();
    editing.drop(kind, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  };

  return (
    <CanvasActionsContext.Provider value={editing ?? null}>
      <div
        className={`${styles.canvas} ${className ?? ""}`}
        style={height ? { height, minHeight: height, flex: "none" } : undefined}
        data-testid={readOnly ? "flow-chart" : "flow-canvas"}
      >
        <ReactFlow<FlowRfNode, FlowRfEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStop={(_e, _node, dragged) =>
            editing?.move(Object.fromEntries(dragged.map((n) => [n.id, n.position])))
          }
          onNodeClick={(_e, node) => editing?.select({ node: node.id })}
          onEdgeClick={(_e, edge) => editing?.select({ edge: edge.id })}
          onPaneClick={() => editing?.select(undefined)}
          onConnect={(c) => editing?.connect(c.source, c.target)}
          onDelete={({ nodes: n, edges: e }) =>
            editing?.remove(
              n.map((x) => x.id),
              e.map((x) => x.id),
            )
          }
          onDragOver={(event) => {
            if (!editing) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = "move";
          }}
          onDrop={onDrop}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          elementsSelectable={!readOnly}
          deleteKeyCode={readOnly ? null : ["Backspace", "Delete"]}
          fitView
          fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
          minZoom={0.2}
          maxZoom={1.5}
          aria-label={t(readOnly ? "flows.chartLabel" : "flows.canvasLabel")}
        >
          <Background gap={16} color="#e5e7eb" />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </CanvasActionsContext.Provider>
  );
}
