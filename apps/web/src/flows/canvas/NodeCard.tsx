import { ExclamationCircleFilled } from "@ant-design/icons";
import type { NodeKind } from "@formwork/schema";
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import styles from "../flows.module.css";
import { nodeSize } from "../model/layout";
import { kindDef } from "../nodes/kinds";
import { kindUi } from "../nodes/ui";
import type { FlowRfNode } from "./canvas-types";

/** The card drawn for a node of any kind: its kind's colour and icon, title, summary, issues, status. */
export function NodeCard({ data, selected }: NodeProps<FlowRfNode>) {
  const { t } = useTranslation();
  const { node, title, summary, issues = [], status, readOnly } = data;
  const def = kindDef(node.type);
  const ui = kindUi(node.type as NodeKind);
  const compact = def.outgoing !== "one" || node.type === "start";
  const size = nodeSize(node.type);
  const classes = [
    styles.node,
    compact ? styles.nodeCompact : "",
    selected ? styles.nodeSelected : "",
    issues.length > 0 ? styles.nodeInvalid : "",
    status ? styles[`status_${status}`] : "",
  ].join(" ");
  return (
    <div
      className={classes}
      style={{ width: size.width, minHeight: size.height, ["--accent" as string]: ui.color }}
      data-testid={`flow-node-${node.id}`}
      data-status={status}
      data-invalid={issues.length > 0 || undefined}
    >
      {def.incoming ? <Handle type="target" position={Position.Top} isConnectable={!readOnly} /> : null}
      <div className={styles.nodeHead}>
        <span className={styles.nodeIcon}>{ui.icon}</span>
        <span className={styles.nodeTitle}>{title}</span>
        {status ? (
          <span className={styles.statusDot} role="img" aria-label={t(`flows.status.${status}`)} />
        ) : null}
      </div>
      {summary && !compact ? <div className={styles.nodeSummary}>{summary}</div> : null}
      {issues.length > 0 ? (
        <Tooltip
          title={issues.map((i) => (
            <div key={i.code + i.path}>{t(`flows.issues.${i.code}`, { defaultValue: i.message })}</div>
          ))}
        >
          <div className={styles.nodeIssue} role="alert">
            <ExclamationCircleFilled />{" "}
            {t(`flows.issues.${issues[0]?.code}`, { defaultValue: issues[0]?.message })}
            {issues.length > 1 ? ` +${issues.length - 1}` : ""}
          </div>
        </Tooltip>
      ) : null}
      {def.outgoing !== "none" ? (
        <Handle type="source" position={Position.Bottom} isConnectable={!readOnly} />
      ) : null}
    </div>
  );
}
