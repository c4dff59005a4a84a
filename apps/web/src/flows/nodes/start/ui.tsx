import { PlayCircleOutlined } from "@ant-design/icons";
import type { FlowNodeOf } from "@formwork/schema";
import { useTranslation } from "react-i18next";
import { useFlowEditor } from "../../flow-context";
import { updateNode } from "../../model/flow-edit";
import { FieldPermissionsEditor } from "../../panel/FieldPermissionsEditor";
import { Section } from "../../panel/Section";
import type { NodeKindUi } from "../ui-kind";

/** The initiator's step: which fields they fill in, see, or never see when submitting. */
function StartPanel({ node }: { node: FlowNodeOf<"start"> }) {
  const { t } = useTranslation();
  const { flow, change } = useFlowEditor();
  return (
    <Section title={t("flows.panel.permissions.start")}>
      <FieldPermissionsEditor
        value={node.fieldPermissions}
        fallback="edit"
        onChange={(fieldPermissions) => change(updateNode(flow, node.id, { fieldPermissions }))}
      />
    </Section>
  );
}

export const startUi: NodeKindUi<"start"> = {
  icon: <PlayCircleOutlined />,
  color: "#16a34a",
  summary: (_node, { t }) => t("flows.summary.start"),
  Panel: StartPanel,
};
