import { SendOutlined } from "@ant-design/icons";
import type { FlowNodeOf } from "@formwork/schema";
import { useTranslation } from "react-i18next";
import { useFlowEditor } from "../../flow-context";
import { updateNode } from "../../model/flow-edit";
import { AssigneesEditor } from "../../panel/AssigneesEditor";
import { Section } from "../../panel/Section";
import { assigneesText } from "../../panel/summary";
import type { NodeKindUi } from "../ui-kind";

function CcPanel({ node }: { node: FlowNodeOf<"cc"> }) {
  const { t } = useTranslation();
  const { flow, change } = useFlowEditor();
  return (
    <Section title={t("flows.panel.recipients")}>
      <AssigneesEditor
        value={node.assignees}
        onChange={(assignees) => change(updateNode(flow, node.id, { assignees }))}
        testId="assignees"
      />
    </Section>
  );
}

export const ccUi: NodeKindUi<"cc"> = {
  icon: <SendOutlined />,
  color: "#0891b2",
  summary: (node, c) => c.t("flows.summary.cc", { names: assigneesText(node.assignees, c) }),
  Panel: CcPanel,
};
