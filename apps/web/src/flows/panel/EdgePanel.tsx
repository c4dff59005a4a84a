import { DeleteOutlined } from "@ant-design/icons";
import type { FlowEdge } from "@formwork/schema";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { useFlowEditor } from "../flow-context";
import styles from "../flows.module.css";
import { branchLanes } from "../model/branch-order";
import { nodeById, removeEdge } from "../model/flow-edit";
import { ConditionEditor } from "./ConditionEditor";
import { nodeTitle } from "./node-title";
import { Section } from "./Section";

/** The selected edge: a branch lane's condition, or just where it goes. */
export function EdgePanel({ edge }: { edge: FlowEdge }) {
  const { t, i18n } = useTranslation();
  const { flow, change, select } = useFlowEditor();
  const source = nodeById(flow, edge.source);
  const lanes = source?.type === "branch" ? branchLanes(flow, source.id) : undefined;
  const index = lanes?.conditions.findIndex((e) => e.id === edge.id) ?? -1;
  return (
    <div className={styles.panelBody} data-testid="edge-panel">
      <header className={styles.panelHeader}>
        <strong>
          {nodeTitle(source, t, i18n.language)} → {nodeTitle(nodeById(flow, edge.target), t, i18n.language)}
        </strong>
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t("flows.remove")}
          onClick={() => {
            change(removeEdge(flow, edge.id));
            select(undefined);
          }}
        />
      </header>
      {lanes ? (
        <Section title={t("flows.branch.lane")}>
          <ConditionEditor
            edge={edge}
            index={edge.default ? lanes.conditions.length : index}
            count={lanes.conditions.length}
          />
        </Section>
      ) : (
        <p className={styles.muted}>{t("flows.edgeHint")}</p>
      )}
    </div>
  );
}
