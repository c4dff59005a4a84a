import { AuditOutlined } from "@ant-design/icons";
import { assigneesText } from "../../panel/summary";
import { TaskSettings } from "../../panel/TaskSettings";
import type { NodeKindUi } from "../ui-kind";

export const approvalUi: NodeKindUi<"approval"> = {
  icon: <AuditOutlined />,
  color: "#f97316",
  summary: (node, c) => `${assigneesText(node.assignees, c)} · ${c.t(`flows.mode.${node.mode ?? "any"}`)}`,
  Panel: TaskSettings,
};
