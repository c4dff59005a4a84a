import { invariantViolations } from "../invariants";
import type {
  ActCommand,
  Command,
  Effect,
  EngineFlow,
  InstanceState,
  Ports,
  RecordData,
  Task,
  TaskAction,
} from "../model";
import { step } from "../step";
import { org } from "./directory";

export const T0 = "2026-11-23T01:00:00.000Z"; // a Monday, 09:00 in Shanghai

/**
 * Drives one instance the way the server would: keeps the state, collects effects, moves a fake clock
 * and fires due timers. Every step checks the engine's invariants.
 */
export class Sim {
  state!: InstanceState;
  effects: Effect[] = [];
  now = T0;
  readonly ports: Ports;

  constructor(
    readonly flow: EngineFlow,
    ports: Partial<Ports> = {},
  ) {
    this.ports = { directory: org(), ...ports };
  }

  async run(command: Command): Promise<Effect[]> {
    const result = await step(
      this.flow,
      command.type === "start" ? null : this.state,
      command,
      this.now,
      this.ports,
    );
    this.state = result.state;
    this.effects.push(...result.effects);
    const problems = invariantViolations(this.state);
    if (problems.length > 0) throw new Error(`invariants broken: ${problems.join("; ")}`);
    return result.effects;
  }

  start(record: RecordData = {}, initiator = "alice"): Promise<Effect[]> {
    return this.run({ type: "start", instanceId: "i1", initiator, record });
  }

  pending(user?: string): Task[] {
    return this.state.tasks.filter(
      (t) => t.status === "pending" && (user === undefined || t.assignee === user),
    );
  }

  /** The single pending task of `user`. */
  task(user: string): Task {
    const tasks = this.pending(user);
    if (tasks.length !== 1) throw new Error(`${user} has ${tasks.length} pending tasks`);
    return tasks[0]!;
  }

  async act(user: string, action: TaskAction, extra: Partial<ActCommand> = {}): Promise<Effect[]> {
    return this.run({ type: "act", taskId: this.task(user).id, actor: user, action, ...extra });
  }

  async approve(user: string, extra: Partial<ActCommand> = {}): Promise<Effect[]> {
    return this.act(user, { type: "approve" }, extra);
  }

  /** Nodes with an open visit. */
  at(): string[] {
    return this.state.visits.filter((v) => v.status === "active").map((v) => v.nodeId);
  }

  /** Move the clock and fire every timer due by then, in due order (as the server's poller would). */
  async advance(ms: number): Promise<void> {
    this.now = new Date(Date.parse(this.now) + ms).toISOString();
    for (;;) {
      const due = this.state.timers
        .filter((t) => t.status === "pending" && t.due <= this.now)
        .sort((a, b) => a.due.localeCompare(b.due))[0];
      if (!due) return;
      await this.run({ type: "timer", timerId: due.id });
    }
  }

  events(): string[] {
    return this.effects.flatMap((e) =>
      e.type === "appendEvent" ? [`${e.event.action}:${e.event.actor}`] : [],
    );
  }

  of<K extends Effect["type"]>(type: K): Extract<Effect, { type: K }>[] {
    return this.effects.filter((e): e is Extract<Effect, { type: K }> => e.type === type);
  }
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
