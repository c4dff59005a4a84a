import { validateFlowDefinition } from "@formwork/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EngineError } from "./errors";
import { invariantViolations } from "./invariants";
import type { Command, Effect, EngineFlow, InstanceState, Ports, TaskAction } from "./model";
import { step } from "./step";
import { org } from "./test-support/directory";
import { flowArb, TEST_FORM } from "./test-support/random-flows";
import { HOUR, T0 } from "./test-support/sim";

// Random valid flows × random command sequences. Every step is pure (the input state untouched, the
// same inputs giving the same result) and a refusal is a typed EngineError. After every accepted
// command: the invariants hold
// (a finished instance has no open visit, task or timer; a running one waits on a task or a timer), no
// visit closes twice, no task closes twice, and replaying the command never makes a second transition.
// At the end, approving whatever is pending always finishes the instance.

const ports: Ports = { directory: org() };
const USERS = ["u1", "u2", "u3", "u9", "fin1", "alice", "mgr"];

interface Op {
  op: number;
  pick: number;
  pick2: number;
}
const opArb: fc.Arbitrary<Op> = fc.record({
  op: fc.integer({ min: 0, max: 99 }),
  pick: fc.nat(),
  pick2: fc.nat(),
});

class Ledger {
  readonly closedVisits = new Map<string, string>();
  readonly closedTasks = new Set<string>();
  readonly enteredVisits = new Set<string>();

  record(effects: Effect[]): void {
    for (const e of effects) {
      if (e.type === "enterNode") {
        expect(this.enteredVisits.has(e.visit.id), `visit ${e.visit.id} entered twice`).toBe(false);
        this.enteredVisits.add(e.visit.id);
      }
      if (e.type === "leaveNode") {
        expect(this.closedVisits.has(e.visit.id), `visit ${e.visit.id} closed twice`).toBe(false);
        this.closedVisits.set(e.visit.id, e.visit.outcome ?? "");
      }
      if (e.type === "completeTask" || e.type === "cancelTask") {
        expect(this.closedTasks.has(e.task.id), `task ${e.task.id} closed twice`).toBe(false);
        this.closedTasks.add(e.task.id);
      }
    }
  }

  check(state: InstanceState): void {
    expect(invariantViolations(state)).toEqual([]);
    for (const v of state.visits) {
      const closed = this.closedVisits.get(v.id);
      if (closed !== undefined) expect([v.status, v.outcome ?? ""]).not.toContain("active");
      if (closed !== undefined) expect(v.outcome).toBe(closed);
    }
  }
}

function forwardAction(state: InstanceState, visitId: string): TaskAction {
  const visit = state.visits.find((v) => v.id === visitId)!;
  return { type: visit.kind === "approval" ? "approve" : "submit" };
}

/** Turn a random op into a command against the current state (it may well be refused). */
function commandFor(flow: EngineFlow, state: InstanceState, { op, pick, pick2 }: Op): Command | "tick" {
  const pending = state.tasks.filter((t) => t.status === "pending");
  const task = pending.length
    ? pending[pick % pending.length]!
    : state.tasks[pick % Math.max(1, state.tasks.length)];
  const taskId = task?.id ?? "none";
  const actor = task && pick2 % 10 !== 0 ? task.assignee : USERS[pick2 % USERS.length]!;
  const other = USERS[pick2 % USERS.length]!;
  const act = (action: TaskAction): Command => ({ type: "act", taskId, actor, action, comment: `c${op}` });
  if (op < 40) return act(task ? forwardAction(state, task.visitId) : { type: "approve" });
  if (op < 46) return act({ type: "reject" });
  if (op < 54) {
    // Mostly nodes already visited (a plausible target), sometimes any node of the flow.
    const nodes =
      pick2 % 4 === 0 ? flow.definition.nodes.map((n) => n.id) : state.visits.map((v) => v.nodeId);
    return act({ type: "return", toNode: nodes[pick2 % nodes.length]! });
  }
  if (op < 60) return act({ type: "transfer", to: other });
  if (op < 67)
    return act({
      type: "addSigner",
      users: [other],
      position: (["before", "after", "parallel"] as const)[pick2 % 3]!,
    });
  if (op < 71) return { type: "withdraw", actor: pick2 % 4 === 0 ? other : (state.initiator ?? other) };
  if (op < 74) return { type: "urge", actor: state.initiator ?? other };
  if (op < 76) return { type: "admin", actor: "admin", action: { type: "end" } };
  if (op < 80) {
    const nodes = flow.definition.nodes;
    const toNode = pick2 % 2 === 0 ? undefined : nodes[pick2 % nodes.length]!.id;
    return { type: "admin", actor: "admin", action: { type: "reactivate", ...(toNode ? { toNode } : {}) } };
  }
  if (op < 84)
    return { type: "admin", actor: "admin", action: { type: "changeAssignee", taskId, to: other } };
  return "tick";
}

async function apply(
  flow: EngineFlow,
  state: InstanceState,
  command: Command,
  now: string,
  ledger: Ledger,
): Promise<InstanceState> {
  const before = JSON.stringify(state);
  let result: Awaited<ReturnType<typeof step>>;
  try {
    result = await step(flow, state, command, now, ports);
  } catch (error) {
    // A refusal is typed and leaves the state as it was.
    if (!(error instanceof EngineError)) throw error;
    expect(JSON.stringify(state)).toBe(before);
    return state;
  }
  // Pure: the input is untouched, and the same inputs give the same outputs.
  expect(JSON.stringify(state)).toBe(before);
  expect(await step(flow, state, command, now, ports)).toEqual(result);
  ledger.record(result.effects);
  ledger.check(result.state);
  // Replaying the command on the state it produced never transitions again.
  if (command.type !== "urge") {
    const replay = await step(flow, result.state, command, now, ports).catch((error: unknown) => {
      if (error instanceof EngineError) return undefined;
      throw error;
    });
    if (replay && command.type === "timer") {
      expect(replay.effects).toEqual([]);
      expect(replay.state).toBe(result.state);
    } else if (replay) {
      // A reactivation whose node passes at once (no assignee, auto-pass) finishes again, so the same
      // reactivation applies again: the server's command key, not the engine, dedupes that one.
      expect(
        command.type === "admin" && command.action.type === "reactivate" && result.state.status !== "running",
      ).toBe(true);
    }
  }
  return result.state;
}

/** Fire due timers in order, as the server's poller does. */
async function tick(
  flow: EngineFlow,
  state: InstanceState,
  now: string,
  ledger: Ledger,
): Promise<InstanceState> {
  let current = state;
  for (let i = 0; i < 100; i++) {
    const due = current.timers
      .filter((t) => t.status === "pending" && t.due <= now)
      .sort((a, b) => a.due.localeCompare(b.due))[0];
    if (!due) break;
    current = await apply(flow, current, { type: "timer", timerId: due.id }, now, ledger);
  }
  return current;
}

describe("engine properties", () => {
  it("random flows are valid definitions", () => {
    fc.assert(
      fc.property(flowArb, (flow) => {
        const result = validateFlowDefinition(flow.definition, TEST_FORM);
        expect(result.ok ? [] : result.issues).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it("random flows × random commands keep the invariants, and approving always finishes", async () => {
    await fc.assert(
      fc.asyncProperty(
        flowArb,
        fc.record({ amount: fc.integer({ min: 0, max: 20 }), owner: fc.constantFrom("u1", "u2", undefined) }),
        fc.array(opArb, { maxLength: 30 }),
        // null: a public fill-link submission, with nobody as initiator.
        fc.constantFrom<string | null>("alice", "alice", null),
        async (flow, record, ops, initiator) => {
          const ledger = new Ledger();
          let now = T0;
          const started = await step(
            flow,
            null,
            { type: "start", instanceId: "p", initiator, record },
            now,
            ports,
          );
          ledger.record(started.effects);
          ledger.check(started.state);
          let state = started.state;
          for (const op of ops) {
            const command = commandFor(flow, state, op);
            if (command === "tick") {
              now = new Date(Date.parse(now) + (op.pick % 72) * HOUR).toISOString();
              state = await tick(flow, state, now, ledger);
            } else {
              state = await apply(flow, state, command, now, ledger);
            }
          }
          // Liveness: approving or submitting whatever is pending always finishes the instance.
          for (let i = 0; i < 500 && state.status === "running"; i++) {
            const task = state.tasks.find((t) => t.status === "pending")!;
            const action = forwardAction(state, task.visitId);
            state = await apply(
              flow,
              state,
              { type: "act", taskId: task.id, actor: task.assignee, action },
              now,
              ledger,
            );
          }
          expect(state.status).not.toBe("running");
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
