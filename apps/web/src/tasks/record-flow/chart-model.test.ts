import { describe, expect, it } from "vitest";
import type { RecordFlow } from "../api";
import { chartModel, nodeSummaries } from "./chart-model";

const chart: RecordFlow["chart"] = {
  nodes: [
    {
      id: "start",
      type: "start",
      name: "start",
      position: null,
      state: "done",
      visits: 1,
      outcome: "submitted",
    },
    { id: "check", type: "branch", name: "check", position: null, state: "done", visits: 1, outcome: null },
    {
      id: "manager",
      type: "approval",
      name: "经理",
      position: null,
      state: "current",
      visits: 1,
      outcome: null,
    },
    {
      id: "director",
      type: "approval",
      name: "总监",
      position: null,
      state: "skipped",
      visits: 0,
      outcome: null,
    },
    { id: "end", type: "end", name: "end", position: null, state: "pending", visits: 0, outcome: null },
  ],
  edges: [
    { id: "e1", source: "start", target: "check" },
    { id: "e2", source: "check", target: "director", when: { ">": [{ var: "discount" }, 0.3] } },
    { id: "e3", source: "check", target: "manager", default: true },
    { id: "e4", source: "manager", target: "end" },
    { id: "e5", source: "director", target: "end" },
  ],
};

describe("the record's flow chart", () => {
  it("colours nodes by state and marks the edges the instance went along", () => {
    const model = chartModel(chart);
    expect(Object.fromEntries(model.status)).toEqual({
      start: "done",
      check: "done",
      manager: "current",
      director: "pending",
      end: "pending",
    });
    expect([...model.traversed].sort()).toEqual(["e1", "e3"]);
  });

  it("lays the chart out when the version kept no positions", () => {
    expect(chartModel(chart).flow.nodes.every((n) => n.position)).toBe(true);
  });

  it("shows a rejection on the node that rejected", () => {
    const rejected = {
      ...chart,
      nodes: chart.nodes.map((n) =>
        n.id === "manager" ? { ...n, state: "done" as const, outcome: "rejected" } : n,
      ),
    };
    expect(chartModel(rejected).status.get("manager")).toBe("rejected");
  });

  it("says who decided at each node, and who holds the current one", () => {
    const person = (name: string) => ({ id: name, name });
    const flow = {
      chart,
      current: [
        { taskId: "t3", nodeId: "manager", assignee: person("Ann") },
        { taskId: "t4", nodeId: "manager", assignee: person("Bob") },
      ],
      log: [
        { id: 1, action: "start", nodeId: "start", actor: person("Rep") },
        { id: 2, action: "branch", nodeId: "check", actor: null },
        { id: 3, action: "urge", nodeId: "manager", actor: person("Rep") },
      ],
    } as unknown as RecordFlow;
    const map = nodeSummaries(
      flow,
      (a, n) => `${n}:${a}`,
      (names) => `now ${names.join("+")}`,
    );
    expect(Object.fromEntries(map)).toEqual({ start: "Rep:start", manager: "now Ann+Bob" });
  });
});
