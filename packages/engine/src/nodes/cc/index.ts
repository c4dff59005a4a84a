import { resolveAssignees } from "../../assignees";
import { SYSTEM } from "../../run";
import type { NodeHandler } from "../types";

/** 抄送: the resolved people get the instance in their cc box; the flow does not wait for them. */
export const cc: NodeHandler<"cc"> = {
  enter: async (run, node, arrival) => {
    const visit = run.openVisit(node.id, arrival.from, arrival.scope);
    const users = (await resolveAssignees(run, node.assignees)).flatMap((g) => g.users);
    if (users.length > 0) {
      run.emit({ type: "cc", users, nodeId: node.id, visitId: visit.id });
      run.notify("cc", users, { nodeId: node.id });
    }
    run.event({ actor: SYSTEM, action: "cc", nodeId: node.id, visitId: visit.id, detail: { users } });
    run.pass(visit);
  },
  actions: [],
};
