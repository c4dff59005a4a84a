import { ApartmentOutlined, NodeIndexOutlined } from "@ant-design/icons";
import { type FlowDefinition, type NodeKind, validateFlowDefinition } from "@formwork/schema";
import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { App, Button, Drawer, Empty, Grid, Tooltip } from "antd";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDesigner } from "../designer/state/designer-context";
import { type CanvasEditing, FlowCanvas } from "./canvas/FlowCanvas";
import { FlowPalette } from "./canvas/FlowPalette";
import { type FlowEditor, FlowEditorContext, type FlowSelection } from "./flow-context";
import styles from "./flows.module.css";
import {
  addNode,
  connect,
  insertOnEdge,
  newFlow,
  removeEdge,
  removeNode,
  updateNode,
} from "./model/flow-edit";
import { flowIssues } from "./model/flow-issues";
import { layoutFlow, withPositions } from "./model/layout";
import { EdgePanel } from "./panel/EdgePanel";
import { NodePanel } from "./panel/NodePanel";
import { OverviewPanel } from "./panel/OverviewPanel";

function SettingsPane({ editor, onDisable }: { editor: FlowEditor; onDisable: () => void }) {
  const { selection, flow } = editor;
  const node = selection && "node" in selection ? flow.nodes.find((n) => n.id === selection.node) : undefined;
  const edge = selection && "edge" in selection ? flow.edges.find((e) => e.id === selection.edge) : undefined;
  if (node) return <NodePanel key={node.id} node={node} />;
  if (edge) return <EdgePanel key={edge.id} edge={edge} />;
  return <OverviewPanel onDisable={onDisable} />;
}

function Editor({ flow }: { flow: FlowDefinition }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { definition, dispatch } = useDesigner();
  const { fitView, getViewport } = useReactFlow();
  const screens = Grid.useBreakpoint();
  const [selection, setSelection] = useState<FlowSelection>();
  const shown = useMemo(() => withPositions(flow), [flow]);
  // Validation runs on a deferred copy so dragging and typing never wait for it.
  const checkedFlow = useDeferredValue(shown);
  const issues = useMemo(() => {
    const result = validateFlowDefinition(checkedFlow, definition);
    return flowIssues(result.ok ? [] : result.issues, checkedFlow, "");
  }, [checkedFlow, definition]);

  const change = useCallback(
    (next: FlowDefinition, coalesce?: string) =>
      dispatch({ type: "updateForm", patch: { flow: next }, coalesce: coalesce && `flow:${coalesce}` }),
    [dispatch],
  );
  const editor: FlowEditor = {
    flow: shown,
    form: definition,
    issues,
    change,
    selection,
    select: setSelection,
  };

  const refit = () => setTimeout(() => fitView({ padding: 0.15, maxZoom: 1, duration: 250 }), 80);
  const tidy = () => {
    change(layoutFlow(shown));
    refit();
  };
  const editing: CanvasEditing = {
    select: setSelection,
    insert: (edgeId: string, kind: NodeKind) => {
      const result = insertOnEdge(shown, edgeId, kind);
      if (!result) return;
      change(layoutFlow(result.flow));
      setSelection({ node: result.id });
      refit();
    },
    connect: (source, target) => {
      const result = connect(shown, source, target);
      if ("refused" in result) message.warning(t(`flows.refused.${result.refused}`));
      else change(result.flow);
    },
    move: (positions) => {
      let next = shown;
      for (const [id, position] of Object.entries(positions)) {
        next = updateNode(next, id, { position: { x: Math.round(position.x), y: Math.round(position.y) } });
      }
      change(next);
    },
    remove: (nodeIds, edgeIds) => {
      let next = shown;
      for (const id of edgeIds) next = removeEdge(next, id);
      for (const id of nodeIds) next = removeNode(next, id);
      change(next);
      setSelection(undefined);
    },
    drop: (kind, position) => {
      const result = addNode(shown, kind, position);
      change(result.flow);
      setSelection({ node: result.id });
    },
  };
  const addFromPalette = (kind: NodeKind) => {
    // A click drops the node in the middle of what is on screen, to be connected by dragging.
    const { x, y, zoom } = getViewport();
    const box = document.querySelector(`.${styles.canvas}`)?.getBoundingClientRect();
    const center = {
      x: ((box?.width ?? 600) / 2 - x) / zoom - 116,
      y: ((box?.height ?? 400) / 2 - y) / zoom - 40,
    };
    editing.drop(kind, { x: Math.round(center.x), y: Math.round(center.y) });
  };
  const disable = () => dispatch({ type: "updateForm", patch: { flow: undefined } });
  const wide = screens.lg !== false;
  const pane = <SettingsPane editor={editor} onDisable={disable} />;

  return (
    <FlowEditorContext.Provider value={editor}>
      <div className={styles.designer} data-testid="flow-designer">
        <FlowPalette onAdd={addFromPalette} />
        <div className={styles.canvasPane}>
          <div className={styles.canvasTools}>
            <Tooltip title={t("flows.tidyHint")}>
              <Button icon={<NodeIndexOutlined />} onClick={tidy} data-testid="flow-tidy">
                {t("flows.tidy")}
              </Button>
            </Tooltip>
          </div>
          <FlowCanvas
            flow={shown}
            form={definition}
            issues={issues}
            selection={selection}
            editing={editing}
          />
        </div>
        {wide ? (
          <aside className={styles.panel}>{pane}</aside>
        ) : (
          <Drawer
            open={selection !== undefined}
            onClose={() => setSelection(undefined)}
            placement="bottom"
            size="70%"
            title={t("flows.panel.title")}
          >
            {pane}
          </Drawer>
        )}
      </div>
    </FlowEditorContext.Provider>
  );
}

/** The form's workflow (流程): an empty state that turns it on, then the graph editor. */
export default function FlowDesigner() {
  const { t } = useTranslation();
  const { definition, dispatch } = useDesigner();
  if (!definition.flow) {
    return (
      <div className={styles.empty} data-testid="flow-empty">
        <Empty image={<ApartmentOutlined className={styles.emptyIcon} />} description={t("flows.empty.text")}>
          <Button
            type="primary"
            onClick={() => dispatch({ type: "updateForm", patch: { flow: layoutFlow(newFlow()) } })}
            data-testid="flow-enable"
          >
            {t("flows.empty.enable")}
          </Button>
        </Empty>
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <Editor flow={definition.flow} />
    </ReactFlowProvider>
  );
}
