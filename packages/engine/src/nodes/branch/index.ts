import { evaluateRule } from "@formwork/expressions";
import { refuse } from "../../errors";
import { type Run, SYSTEM } from "../../run";
import type { NodeHandler } from "../types";

/** What branch conditions read: the record's fields, and the initiator as `$initiator`. */
async function conditionData(run: Run): Promise<Record<string, unknown>> {
  const { initiator } = run.state;
  const info = (initiator ? await run.ports.directory.userInfo?.(initiator) : undefined) ?? {};
  return { ...run.state.record, $initiator: { id: initiator, ...info } };
}

/** 条件分支: the first edge (by `order`) whose condition holds, else the one default edge. */
export const branch: NodeHandler<"branch"> = {
  enter: async (run, node, arrival) => {
    const visit = run.openVisit(node.id, arrival.from, arrival.scope);
    const edges = run.graph.outgoing(node.id);
    const data = await conditionData(run);
    const ctx = { now: new Date(run.now), timeZone: run.ports.timeZone ?? "Asia/Shanghai" };
    const taken =
      edges.find((e) => !e.default && e.when !== undefined && evaluateRule(e.when, data, ctx)) ??
      edges.find((e) => e.default) ??
      refuse("INVALID_FLOW", `branch "${node.id}" has no condition that holds and no default edge`, "/edges");
    run.event({
      actor: SYSTEM,
      action: "branch",
      nodeId: node.id,
      visitId: visit.id,
      detail: { edge: taken.id, target: taken.target },
    });
    run.pass(visit, [taken]);
  },
  actions: [],
};
