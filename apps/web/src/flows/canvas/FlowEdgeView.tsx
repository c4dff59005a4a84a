import { ExclamationCircleFilled, PlusOutlined } from "@ant-design/icons";
import { NODE_KINDS } from "@formwork/schema";
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getSmoothStepPath } from "@xyflow/react";
import { Button, Dropdown, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import styles from "../flows.module.css";
import { kindDef } from "../nodes/kinds";
import { kindUi } from "../nodes/ui";
import { type FlowRfEdge, useCanvasActions } from "./canvas-types";

/** Kinds that can sit on an edge: everything but start and end. */
const INSERTABLE = NODE_KINDS.filter((k) => kindDef(k).inPalette && k !== "end" && k !== "join");

/** An edge: a rounded orthogonal path, the branch lane's label, its issues, and (editing) a "+" to insert. */
export function FlowEdgeView(props: EdgeProps<FlowRfEdge>) {
  const { t } = useTranslation();
  const actions = useCanvasActions();
  const [menuOpen, setMenuOpen] = useState(false);

  const { data, id, selected, markerEnd } = props;
  const [path, x, y] = getSmoothStepPath({ ...props, borderRadius: 10 });
  const issues = data?.issues ?? [];
  const style = {
    stroke: issues.length > 0 ? "#dc2626" : selected ? "#4f46e5" : data?.traversed ? "#16a34a" : "#94a3b8",
    strokeWidth: selected || data?.traversed ? 2.5 : 1.5,
    strokeDasharray: issues.length > 0 ? "5 4" : undefined,
  };
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />
      <EdgeLabelRenderer>
        <div
          className={`${styles.edgeLabel} nodrag nopan`}
          style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
          role="toolbar"
          aria-label={data?.label ?? t("flows.edge")}
          data-testid={`flow-edge-${data?.edge.id ?? id}`}
          // React events bubble through portals: without this a click on "+" or its menu would also
          // reach React Flow's edge and select the edge instead of the inserted node.
          onClick={(event) => event.stopPropagation()}
          onKeyDown={(event) => event.stopPropagation()}
        >
          {data?.label ? (
            <span className={data.isDefault ? styles.laneTagDefault : styles.laneTag}>{data.label}</span>
          ) : null}
          {issues.length > 0 ? (
            <Tooltip
              title={issues.map((i) => (
                <div key={i.code + i.path}>{t(`flows.issues.${i.code}`, { defaultValue: i.message })}</div>
              ))}
            >
              <ExclamationCircleFilled className={styles.edgeIssueIcon} role="alert" />
            </Tooltip>
          ) : null}
          {actions && !data?.readOnly ? (
            <Dropdown
              trigger={["click"]}
              open={menuOpen}
              onOpenChange={setMenuOpen}
              menu={{
                items: INSERTABLE.map((kind) => ({
                  key: kind,
                  icon: kindUi(kind).icon,
                  label: t(`flows.kinds.${kind}`),
                })),
                onClick: ({ key }) => {
                  setMenuOpen(false);
                  actions.insert(data?.edge.id ?? id, key as (typeof INSERTABLE)[number]);
                },
              }}
            >
              <Button
                size="small"
                shape="circle"
                icon={<PlusOutlined />}
                className={styles.insertButton}
                aria-label={t("flows.insert")}
                data-testid={`edge-insert-${data?.edge.id ?? id}`}
              />
            </Dropdown>
          ) : null}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}
