// Shared by the workflow tests: a quote form with a flow, the people who act on it, and short ways to
// submit, list an inbox and act over HTTP.
import type { FlowDefinition, FormDefinition } from "@formwork/schema";
import type { LightMyRequestResponse } from "fastify";
import { grantEveryone } from "./fixtures";
import type { Caller, TestApp } from "./harness";

export type Person = Caller & { id: string; token: string };

export const QUOTE_FIELDS: FormDefinition["fields"] = [
  { id: "no", type: "serial", label: "No", pattern: [{ text: "QT-" }, { counter: 4 }] },
  { id: "title", type: "text", label: "Title", required: true },
  { id: "amount", type: "number", label: "Amount" },
  { id: "discount", type: "number", label: "Discount", min: 0, max: 1 },
  { id: "reason", type: "textarea", label: "Reason" },
  { id: "cost", type: "number", label: "Cost" },
  { id: "total", type: "number", label: "Total", formula: "amount * (1 - discount)" },
];

/** start → manager (one user) → end, with the given node settings merged into the manager node. */
export function oneApproval(manager: string, settings: Record<string, unknown> = {}): FlowDefinition {
  return {
    nodes: [
      { id: "start", type: "start" },
      {
        id: "manager",
        type: "approval",
        name: "经理审批",
        assignees: [{ user: manager }],
        mode: "any",
        ...settings,
      },
      { id: "end", type: "end" },
    ],
    edges: [
      { id: "e1", source: "start", target: "manager" },
      { id: "e2", source: "manager", target: "end" },
    ],
  } as FlowDefinition;
}

/** start → a → b → end: two approval nodes in a row (a return from b goes back to a). */
export function twoApprovals(a: Record<string, unknown>, b: Record<string, unknown>): FlowDefinition {
  return {
    nodes: [
      { id: "start", type: "start" },
      { id: "a", type: "approval", mode: "any", ...a },
      { id: "b", type: "approval", mode: "any", ...b },
      { id: "end", type: "end" },
    ],
    edges: [
      { id: "e1", source: "start", target: "a" },
      { id: "e2", source: "a", target: "b" },
      { id: "e3", source: "b", target: "end" },
    ],
  } as FlowDefinition;
}

let forms = 0;

/** An app with a quote form carrying `flow`, published; answers the form's id. */
export async function flowForm(
  t: TestApp,
  flow: FlowDefinition,
  key = `quotes_${++forms}`,
  fields: FormDefinition["fields"] = QUOTE_FIELDS,
  everyone: string | null = "submit_own",
): Promise<string> {
  const app = await t.admin.request("POST", "/api/apps", { name: `Flows ${key}` });
  const definition: FormDefinition = {
    key,
    name: { "zh-CN": "报价单", en: "Quotes" },
    fields,
    flow,
  };
  const form = await t.admin.request("POST", `/api/apps/${app.json().id}/forms`, definition);
  if (form.statusCode !== 201) throw new Error(`form: ${form.body}`);
  await publish(t, form.json().id);
  // Members submit and manage their own records, as the expense and leave templates grant (a form
  // without a set is closed to members); the others' records they see only through their tasks.
  // `everyone: null` leaves the form closed, for tests that give their own sets.
  if (everyone) await grantEveryone(t, form.json().id, everyone);
  return form.json().id;
}

export async function publish(t: TestApp, formId: string): Promise<void> {
  const published = await t.admin.request("POST", `/api/forms/${formId}/publish`);
  if (published.statusCode !== 200) throw new Error(`publish: ${published.body}`);
}

/** Replaces the draft's flow and publishes it. */
export async function republish(t: TestApp, formId: string, flow: FlowDefinition): Promise<void> {
  const current = (await t.admin.request("GET", `/api/forms/${formId}`)).json();
  const saved = await t.admin.request("PUT", `/api/forms/${formId}`, { ...current.definition, flow });
  if (saved.statusCode !== 200) throw new Error(`save: ${saved.body}`);
  await publish(t, formId);
}

export async function submit(caller: Caller, formId: string, data: Record<string, unknown> = {}) {
  const response = await caller.request("POST", `/api/forms/${formId}/records`, {
    data: { title: "Pens", amount: 100, discount: 0.1, ...data },
  });
  if (response.statusCode !== 201) throw new Error(`submit: ${response.body}`);
  return response.json<{ id: string; flowStatus: string | null; data: Record<string, unknown> }>();
}

export interface InboxItem {
  taskId: string | null;
  instanceId: string;
  recordId: string;
  title: string;
  nodes: { id: string; name: unknown }[];
  taskStatus: string | null;
  action: string | null;
  instanceStatus: string;
}

export async function inbox(caller: Caller, box = "todo", query = "") {
  const response = await caller.request("GET", `/api/tasks?box=${box}${query}`);
  if (response.statusCode !== 200) throw new Error(`inbox: ${response.body}`);
  return response.json<{ items: InboxItem[]; counts: Record<string, number>; nextCursor: string | null }>();
}

/** The caller's one pending task for the record. */
export async function taskFor(caller: Caller, recordId: string): Promise<string> {
  const { items } = await inbox(caller, "todo", "&limit=200");
  const task = items.find((i) => i.recordId === recordId);
  if (!task?.taskId) throw new Error(`no task for ${recordId}`);
  return task.taskId;
}

export function act(
  caller: Caller,
  taskId: string,
  body: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<LightMyRequestResponse> {
  return caller.request("POST", `/api/tasks/${taskId}/actions`, body, headers);
}

export async function flowOf(caller: Caller, formId: string, recordId: string) {
  const response = await caller.request("GET", `/api/forms/${formId}/records/${recordId}/flow`);
  if (response.statusCode !== 200) throw new Error(`flow: ${response.body}`);
  return response.json<{
    instance: { id: string; status: string; revision: number; canWithdraw: boolean };
    chart: { nodes: { id: string; state: string; visits: number }[] };
    current: { taskId: string; nodeId: string; assignee: { id: string }; remainingMs: number | null }[];
    log: {
      action: string;
      actor: { id: string; name: string } | null;
      nodeId: string | null;
      comment: string | null;
      durationMs: number | null;
    }[];
  }>();
}
