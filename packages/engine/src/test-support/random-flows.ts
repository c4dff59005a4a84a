import type { FlowDefinition, FormDefinition } from "@formwork/schema";
import fc from "fast-check";
import type { EngineFlow } from "../model";
import { deadline, FIELDS } from "./flows";

// Random valid flows for property tests: blocks as the designer draws them (a task node, an exclusive
// branch of blocks, a parallel split of blocks closed by its join, a sequence), with random task
// settings. Each is laid out as start → block → end.

type Json = Record<string, unknown>;

export type Block =
  | { task: Json }
  | { branch: Block[]; thresholds: number[] }
  | { parallel: Block[] }
  | { sequence: Block[] };

const ASSIGNEES: Json[] = [
  { user: "u1" },
  { user: "u2" },
  { user: "u3" },
  { initiator: true },
  { role: "finance" },
  { role: "empty" },
  { managerChain: 2 },
  { deptHead: 1 },
  { field: "owner" },
];

const taskSettings: fc.Arbitrary<Json> = fc
  .record({
    kind: fc.constantFrom("approval", "approval", "approval", "fill", "cc"),
    assignees: fc.uniqueArray(fc.constantFrom(...ASSIGNEES), { minLength: 1, maxLength: 3 }),
    mode: fc.constantFrom("any", "all", "sequential", "ratio"),
    ratio: fc.constantFrom(0.5, 2 / 3, 1),
    whenEmpty: fc.constantFrom("admin", "autoPass", undefined),
    autoPassDuplicate: fc.boolean(),
    deadline: fc.option(
      fc.record({
        action: fc.constantFrom("remind", "approve", "return", "escalate"),
        hours: fc.integer({ min: 1, max: 48 }),
        repeat: fc.boolean(),
      }),
      { nil: undefined },
    ),
  })
  .map(({ kind, assignees, mode, ratio, whenEmpty, autoPassDuplicate, deadline: d }) => {
    if (kind === "cc") return { type: "cc", assignees };
    return {
      type: kind,
      assignees,
      mode,
      ...(mode === "ratio" ? { ratio } : {}),
      ...(whenEmpty ? { whenEmpty } : {}),
      ...(kind === "approval" && autoPassDuplicate ? { autoPassDuplicate } : {}),
      ...(d
        ? {
            deadline: deadline(d.action, {
              after: `PT${d.hours}H`,
              ...(d.action === "remind" && d.repeat ? { repeat: "PT6H" } : {}),
              ...(d.action === "escalate" ? { escalateTo: [{ role: "director" }] } : {}),
            }),
          }
        : {}),
    };
  });

export const blockArb: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    taskSettings.map((task) => ({ task })),
    fc.record({
      branch: fc.array(tie("block"), { minLength: 2, maxLength: 3 }),
      thresholds: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 3 }),
    }),
    fc.record({ parallel: fc.array(tie("block"), { minLength: 2, maxLength: 3 }) }),
    fc.record({ sequence: fc.array(tie("block"), { minLength: 1, maxLength: 3 }) }),
  ),
})).block;

export function layOut(root: Block): FlowDefinition {
  const nodes: Json[] = [];
  const edges: Json[] = [];
  const node = (props: Json) => {
    const id = `n${nodes.length}`;
    nodes.push({ id, ...props });
    return id;
  };
  const edge = (source: string, target: string, extra: Json = {}) => {
    edges.push({ id: `e${edges.length}`, source, target, ...extra });
  };
  const place = (b: Block): { entry: string; exits: string[] } => {
    if ("task" in b) {
      const id = node(b.task);
      return { entry: id, exits: [id] };
    }
    if ("sequence" in b) {
      const parts = b.sequence.map(place);
      parts.slice(1).forEach((part, i) => {
        for (const exit of parts[i]!.exits) edge(exit, part.entry);
      });
      return { entry: parts[0]!.entry, exits: parts.at(-1)!.exits };
    }
    if ("branch" in b) {
      const split = node({ type: "branch" });
      const lanes = b.branch.map(place);
      lanes.forEach((lane, i) => {
        edge(
          split,
          lane.entry,
          i === 0
            ? { default: true }
            : { when: { ">": [{ var: "amount" }, b.thresholds[i] ?? 10] }, order: i },
        );
      });
      return { entry: split, exits: lanes.flatMap((lane) => lane.exits) };
    }
    const split = node({ type: "parallel" });
    const lanes = b.parallel.map(place);
    const join = node({ type: "join" });
    for (const lane of lanes) {
      edge(split, lane.entry);
      for (const exit of lane.exits) edge(exit, join);
    }
    return { entry: split, exits: [join] };
  };
  const start = node({ type: "start" });
  const body = place(root);
  const end = node({ type: "end" });
  edge(start, body.entry);
  for (const exit of body.exits) edge(exit, end);
  return { nodes, edges } as unknown as FlowDefinition;
}

export const flowArb: fc.Arbitrary<EngineFlow> = blockArb.map((b) => ({
  version: 1,
  definition: layOut(b),
  fields: FIELDS,
}));

/** The form the random flows belong to, for the schema's validator. */
export const TEST_FORM = { key: "tests", name: "Tests", fields: FIELDS } as unknown as FormDefinition;
