import { DeleteOutlined } from "@ant-design/icons";
import type { FlowNode, NodeKind } from "@formwork/schema";
import { Button, Popconfirm, Tag } from "antd";
import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { LocalizedInput } from "../../designer/properties/LocalizedInput";
import { useFlowEditor } from "../flow-context";
import styles from "../flows.module.css";
import { removeNode, updateNode } from "../model/flow-edit";
import { kindUi } from "../nodes/ui";
import { Section } from "./Section";

/** The selected node: its name and its kind's settings. */
export function NodePanel({ node }: { node: FlowNode }) {
  const { t } = useTranslation();
  const { flow, change, select, issues } = useFlowEditor();
  const ui = kindUi(node.type as NodeKind);
  const Panel = ui.Panel as ComponentType<{ node: FlowNode }> | undefined;
  const problems = issues.nodes.get(node.id) ?? [];
  return (
    <div className={styles.panelBody} data-testid="node-panel">
      <header className={styles.panelHeader} style={{ ["--accent" as string]: ui.color }}>
        <span className={styles.nodeIcon}>{ui.icon}</span>
        <strong>{t(`flows.kinds.${node.type}`)}</strong>
        <Tag className={styles.idTag}>{node.id}</Tag>
        {node.type === "start" ? null : (
          <Popconfirm
            title={t("flows.removeNodeConfirm")}
            okText={t("flows.remove")}
            cancelText={t("common.cancel")}
            okButtonProps={{ danger: true }}
            onConfirm={() => {
              change(removeNode(flow, node.id));
              select(undefined);
            }}
          >
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t("flows.remove")}
              data-testid="node-remove"
            />
          </Popconfirm>
        )}
      </header>
      {problems.length > 0 ? (
        <ul className={styles.problemList} role="alert">
          {problems.map((p) => (
            <li key={p.code + p.path}>{t(`flows.issues.${p.code}`, { defaultValue: p.message })}</li>
          ))}
        </ul>
      ) : null}
      <Section title={t("flows.panel.name")}>
        <LocalizedInput
          id="node-name"
          value={node.name}
          onChange={(name) => change(updateNode(flow, node.id, { name }), `${node.id}:name`)}
        />
      </Section>
      {Panel ? <Panel node={node} /> : <p className={styles.muted}>{t(`flows.kindHints.${node.type}`)}</p>}
    </div>
  );
}
