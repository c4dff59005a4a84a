import { FormOutlined } from "@ant-design/icons";
import { assigneesText } from "../../panel/summary";
import { TaskSettings } from "../../panel/TaskSettings";
import type { NodeKindUi } from "../ui-kind";

export const fillUi: NodeKindUi<"fill"> = {
  icon: <FormOutlined />,
  color: "#2563eb",
  summary: (node, c) => {
    const editable = Object.values(node.fieldPermissions ?? {}).filter((p) => p === "edit").length;
    return `${assigneesText(node.assignees, c)} · ${c.t("flows.summary.editable", { count: editable })}`;
  },
  Panel: TaskSettings,
};
