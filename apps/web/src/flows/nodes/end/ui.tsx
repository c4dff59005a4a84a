import { CheckCircleOutlined } from "@ant-design/icons";
import type { NodeKindUi } from "../ui-kind";

export const endUi: NodeKindUi<"end"> = {
  icon: <CheckCircleOutlined />,
  color: "#475569",
};
