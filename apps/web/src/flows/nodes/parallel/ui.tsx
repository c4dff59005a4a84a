import { ForkOutlined } from "@ant-design/icons";
import type { NodeKindUi } from "../ui-kind";

export const parallelUi: NodeKindUi<"parallel"> = {
  icon: <ForkOutlined />,
  color: "#7c3aed",
  summary: (_node, { t }) => t("flows.summary.parallel"),
};
