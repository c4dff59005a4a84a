import { describe, expect, it } from "vitest";
import { org } from "../../test-support/directory";
import { flowOf, oneStep } from "../../test-support/flows";
import { Sim } from "../../test-support/sim";

const assignees = (users: string[]) => users.map((user) => ({ user }));

describe("approval modes", () => {
  it("any (或签): the first approval passes the node and cancels the others' tasks", async () => {
    const sim = new Sim(oneStep({ assignees: assignees(["u1", "u2", "u3"]), mode: "any" }));
    await sim.start();
    expect(sim.pending().map((t) => t.assignee)).toEqual(["u1", "u2", "u3"]);
    await sim.approve("u2", { comment: "ok", signature: { fileId: "sig1" } });
    expect(sim.state.status).toBe("completed");
    expect(sim.state.tasks.map((t) => [t.assignee, t.status])).toEqual([
      ["u1", "cancelled"],
      ["u2", "done"],
      ["u3", "cancelled"],
    ]);
    const approve = sim.of("appendEvent").find((e) => e.event.action === "approve")!.event;
    expect(approve).toMatchObject({ actor: "u2", comment: "ok", signature: { fileId: "sig1" }, nodeId: "a" });
  });

  it("any: one rejection rejects", async () => {
    const sim = new Sim(oneStep({ assignees: assignees(["u1", "u2"]), mode: "any" }));
    await sim.start();
    await sim.act("u1", { type: "reject" }, { comment: "no" });
    expect(sim.state.status).toBe("rejected");
    expect(sim.of("finish")).toEqual([{ type: "finish", status: "rejected" }]);
    expect(sim.pending()).toEqual([]);
  });

  it("all (会签): waits for everyone; one rejection rejects", async () => {
    const sim = new Sim(oneStep({ assignees: assignees(["u1", "u2", "u3"]), mode: "all" }));
    await sim.start();
    await sim.approve("u1");
    await sim.approve("u3");
    expect(sim.at()).toEqual(["a"]);
    await sim.approve("u2");
    expect(sim.state.status).toBe("completed");

    const other = new Sim(oneStep({ assignees: assignees(["u1", "u2"]), mode: "all" }));
    await other.start();
    await other.approve("u1");
    await other.act("u2", { type: "reject" });
    expect(other.state.status).toBe("rejected");
  });

  it("sequential (依次): one task at a time, in order", async () => {
    const sim = new Sim(oneStep({ assignees: assignees(["u1", "u2", "u3"]), mode: "sequential" }));
    await sim.start();
    expect(sim.pending().map((t) => t.assignee)).toEqual(["u1"]);
    await sim.approve("u1");
    expect(sim.pending().map((t) => t.assignee)).toEqual(["u2"]);
    await sim.approve("u2");
    await sim.approve("u3");
    expect(sim.state.status).toBe("completed");
  });

  it("ratio: passes once the share approves, cancelling the remaining votes", async () => {
    const sim = new Sim(
      oneStep({ assignees: assignees(["u1", "u2", "u3", "u4"]), mode: "ratio", ratio: 0.5 }),
    );
    await sim.start();
    await sim.act("u1", { type: "reject" });
    expect(sim.state.status).toBe("running");
    await sim.approve("u2");
    expect(sim.state.status).toBe("running");
    await sim.approve("u3");
    expect(sim.state.status).toBe("completed");
    expect(sim.state.tasks.find((t) => t.assignee === "u4")!.status).toBe("cancelled");
  });

  it("ratio: rejects as soon as the share can no longer be reached", async () => {
    const sim = new Sim(oneStep({ assignees: assignees(["u1", "u2", "u3"]), mode: "ratio", ratio: 2 / 3 }));
    await sim.start();
    await sim.act("u1", { type: "reject" });
    expect(sim.state.status).toBe("running");
    await sim.act("u2", { type: "reject" });
    expect(sim.state.status).toBe("rejected");
  });
});

describe("assignees", () => {
  it("resolves roles, departments, department heads, the initiator and member/department fields", async () => {
    const sim = new Sim(
      oneStep({
        assignees: [
          { role: "finance" },
          { deptHead: 2 },
          { initiator: true },
          { field: "owner" },
          { field: "watchers" },
          { field: "team" },
          { department: "sales" },
        ],
        mode: "all",
      }),
    );
    await sim.start({ owner: "zed", watchers: ["w1", "fin1"], team: "support" });
    expect(sim.pending().map((t) => t.assignee)).toEqual([
      "fin1",
      "fin2",
      "vp",
      "alice",
      "zed",
      "w1",
      "carol",
      "mgr2",
      "bob",
      "mgr",
    ]);
  });

  it("a manager chain (逐级审批) is one step per manager, in order, even at an any-node", async () => {
    const sim = new Sim(oneStep({ assignees: [{ managerChain: 3 }], mode: "any" }));
    await sim.start({}, "alice");
    expect(sim.pending().map((t) => t.assignee)).toEqual(["mgr"]);
    await sim.approve("mgr");
    expect(sim.pending().map((t) => t.assignee)).toEqual(["vp"]);
    await sim.approve("vp");
    await sim.approve("ceo");
    expect(sim.state.status).toBe("completed");
  });

  it("nobody resolves: admins get the task (any one of them) by default", async () => {
    const sim = new Sim(oneStep({ assignees: [{ role: "empty" }], mode: "all" }), {
      directory: org({ admins: ["ad1", "ad2"] }),
    });
    await sim.start();
    expect(sim.pending().map((t) => t.assignee)).toEqual(["ad1", "ad2"]);
    await sim.approve("ad2");
    expect(sim.state.status).toBe("completed");
  });

  it("nobody resolves with whenEmpty autoPass, or no admin at all: the node passes", async () => {
    const auto = new Sim(oneStep({ assignees: [{ field: "owner" }], whenEmpty: "autoPass" }));
    await auto.start();
    expect(auto.state.status).toBe("completed");
    expect(auto.events()).toContain("autoPass:system");

    const noAdmin = new Sim(oneStep({ assignees: [{ role: "empty" }] }), { directory: org({ admins: [] }) });
    await noAdmin.start();
    expect(noAdmin.state.status).toBe("completed");
  });

  it("a consecutive duplicate approver is passed automatically when the node asks for it", async () => {
    const flow = flowOf(
      ["start", "a:approval", "b:approval", "c:approval", "end"],
      ["start>a", "a>b", "b>c", "c>end"],
      {
        nodes: {
          a: { assignees: [{ user: "mgr" }] },
          b: { assignees: [{ user: "mgr" }, { user: "vp" }], mode: "all", autoPassDuplicate: true },
          c: { assignees: [{ user: "vp" }] },
        },
      },
    );
    const sim = new Sim(flow);
    await sim.start();
    await sim.approve("mgr");
    expect(sim.pending().map((t) => t.assignee)).toEqual(["vp"]);
    expect(sim.state.tasks.find((t) => t.nodeId === "b" && t.assignee === "mgr")).toMatchObject({
      status: "done",
      action: "autoPass",
    });
    await sim.approve("vp");
    // c does not ask for it: vp approves again.
    expect(sim.pending().map((t) => [t.nodeId, t.assignee])).toEqual([["c", "vp"]]);
  });
});

describe("notifications", () => {
  it("every new task notifies its assignee", async () => {
    const sim = new Sim(oneStep({ assignees: assignees(["u1", "u2"]), mode: "all" }));
    await sim.start();
    expect(
      sim
        .of("notify")
        .filter((n) => n.kind === "task")
        .map((n) => n.users),
    ).toEqual([["u1"], ["u2"]]);
  });
});
