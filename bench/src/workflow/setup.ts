// The workflow benchmarks' world over HTTP: an approver, two forms with the benchmark fields (one plain,
// one with a start → approval → end flow), and a pool of instances waiting on the approver.
import { type BenchData, benchData, benchForm } from "../server/bench-form";
import type { LoadRequest, Response } from "../server/load";
import { type Session, signIn } from "../server/setup-client";

export const APPROVER = { email: "approver@example.com", password: "approver-password-1", name: "Approver" };

export function expectStatus(response: Response, status: number, what: string): Response {
  if (response.status !== status)
    throw new Error(`${what}: ${response.status} ${response.body.slice(0, 500)}`);
  return response;
}

export const json = (session: Session, method: LoadRequest["method"], path: string, body?: unknown) =>
  session.call({ method, path, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

/** start → approval by `approverId` (any) → end; `deadline` on the approval node when given. */
export function approvalFlow(approverId: string, deadline?: Record<string, unknown>) {
  return {
    nodes: [
      { id: "start", type: "start" },
      {
        id: "approve",
        type: "approval",
        name: "审批",
        assignees: [{ user: approverId }],
        mode: "any",
        ...(deadline ? { deadline } : {}),
      },
      { id: "end", type: "end" },
    ],
    edges: [
      { id: "e1", source: "start", target: "approve" },
      { id: "e2", source: "approve", target: "end" },
    ],
  };
}

export interface FlowWorld {
  admin: Session;
  approver: Session;
  approverId: string;
  appId: string;
}

export async function flowWorld(port: number): Promise<FlowWorld> {
  const admin = await signIn(port);
  const user = expectStatus(await json(admin, "POST", "/api/users", APPROVER), 201, "approver");
  const approverId = (JSON.parse(user.body) as { id: string }).id;
  const approver = await signIn(port, APPROVER);
  const app = expectStatus(await json(admin, "POST", "/api/apps", { name: "Workflow bench" }), 201, "app");
  return { admin, approver, approverId, appId: (JSON.parse(app.body) as { id: string }).id };
}

/** Creates and publishes a benchmark form, with `flow` when given; answers its id. */
export async function benchFlowForm(world: FlowWorld, key: string, flow?: unknown): Promise<string> {
  const definition = { ...benchForm(key), ...(flow ? { flow } : {}) };
  const form = expectStatus(
    await json(world.admin, "POST", `/api/apps/${world.appId}/forms`, definition),
    201,
    `form ${key}`,
  );
  const id = (JSON.parse(form.body) as { id: string }).id;
  expectStatus(await json(world.admin, "POST", `/api/forms/${id}/publish`, {}), 200, `publish ${key}`);
  return id;
}

/** Submits `count` records in batches of 1,000 (each batch one transaction starting its flows). */
export async function seedInstances(
  world: FlowWorld,
  formId: string,
  count: number,
  log: (line: string) => void,
): Promise<void> {
  const started = performance.now();
  for (let done = 0; done < count; done += 1000) {
    const rows: { data: BenchData }[] = [];
    for (let i = done; i < Math.min(count, done + 1000); i++) rows.push({ data: benchData(i) });
    expectStatus(await json(world.admin, "POST", `/api/forms/${formId}/records`, rows), 201, "seed batch");
  }
  const seconds = (performance.now() - started) / 1000;
  log(
    `seeded ${count} instances in ${seconds.toFixed(1)} s (${Math.round(count / seconds)}/s in batches of 1,000)`,
  );
}
