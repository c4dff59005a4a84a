import { BranchesOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useFlowEditor } from "../../flow-context";
import styles from "../../flows.module.css";
import { branchLanes } from "../../model/branch-order";
import { ConditionEditor } from "../../panel/ConditionEditor";
import { Section } from "../../panel/Section";
import type { NodeKindUi } from "../ui-kind";

/** The lanes in the order they are tried: conditions first, the default last. */
function BranchPanel({ node }: { node: { id: string } }) {
  const { t } = useTranslation();
  const { flow } = useFlowEditor();
  const { conditions, fallback } = branchLanes(flow, node.id);
  return (
    <Section title={t("flows.branch.lanes")}>
      <p className={styles.muted}>{t("flows.branch.hint")}</p>
      {conditions.map((edge, i) => (
        <ConditionEditor key={edge.id} edge={edge} index={i} count={conditions.length} />
      ))}
      {fallback ? (
        <ConditionEditor edge={fallback} index={conditions.length} count={conditions.length} />
      ) : null}
    </Section>
  );
}

export const branchUi: NodeKindUi<"branch"> = {
  icon: <BranchesOutlined />,
  color: "#d946ef",
  summary: (_node, { t }) => t("flows.summary.branch"),
  Panel: BranchPanel,
};
