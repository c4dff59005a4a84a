import { MergeOutlined } from "@ant-design/icons";
import type { NodeKindUi } from "../ui-kind";

export const joinUi: NodeKindUi<"join"> = {
  icon: <MergeOutlined />,
  color: "#7c3aed",
  summary: (_node, { t }) => t("flows.summary.join"),
};
