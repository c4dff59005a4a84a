import { describe, expect, it } from "vitest";
import { isApiError } from "./api-error";
import { createClient } from "./client";
import { empty, fakeFetch, json } from "./fake-fetch.test-helper";

const task = "0193a1b2-0000-7000-8000-000000000001:t2";

describe("tasks", () => {
  it("lists an inbox with its query and addresses a task by its encoded engine id", async () => {
    const page = {
      items: [],
      counts: { todo: 0, done: 0, initiated: 0, cc: 0, ccUnread: 0 },
      nextCursor: null,
    };
    const { fetch, seen } = fakeFetch(json(200, page), json(200, { task: { id: task } }), empty());
    const client = createClient({ fetch });
    await expect(client.tasks.inbox({ box: "done", q: "报价", limit: 10 })).resolves.toEqual(page);
    await client.tasks.get(task);
    await client.tasks.markRead(task);
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /api/tasks?box=done&q=%E6%8A%A5%E4%BB%B7&limit=10",
      "GET /api/tasks/0193a1b2-0000-7000-8000-000000000001%3At2",
      "POST /api/tasks/0193a1b2-0000-7000-8000-000000000001%3At2/read",
    ]);
  });

  it("acts with an Idempotency-Key and surfaces a 409 as an ApiError with the engine's reason", async () => {
    const conflict = {
      error: {
        code: "CONFLICT",
        message: "done",
        details: [{ path: "/task", message: "done", code: "TASK_NOT_PENDING" }],
      },
    };
    const { fetch, seen } = fakeFetch(
      json(200, { taskId: task, action: "approve", instanceId: "i", status: "completed", revision: 2 }),
      json(409, conflict),
    );
    const client = createClient({ fetch });
    await expect(
      client.tasks.act(
        task,
        { action: "approve", comment: "ok", fieldEdits: { reason: "x" } },
        { idempotencyKey: "k1" },
      ),
    ).resolves.toMatchObject({ status: "completed" });
    const error = await client.tasks.act(task, { action: "approve" }).catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(409);
    expect(seen[0]).toMatchObject({
      method: "POST",
      headers: { "idempotency-key": "k1", "x-requested-with": "formwork" },
      body: { action: "approve", comment: "ok", fieldEdits: { reason: "x" } },
    });
  });

  it("batch-approves, withdraws, administers and reads a record's flow", async () => {
    const { fetch, seen } = fakeFetch(
      json(200, { results: [{ taskId: task, ok: true, status: 200 }] }),
      json(200, { instanceId: "i1", status: "withdrawn", revision: 2 }),
      json(200, { instanceId: "i1", status: "ended", revision: 3 }),
      json(200, { instance: { id: "i1" }, chart: { nodes: [], edges: [] }, current: [], cc: [], log: [] }),
    );
    const client = createClient({ fetch });
    await expect(client.tasks.batch([task], { action: "approve", comment: "批量" })).resolves.toEqual([
      { taskId: task, ok: true, status: 200 },
    ]);
    await client.tasks.instanceAction("i1", "withdraw");
    await client.tasks.admin("i1", { action: "end", comment: "作废" });
    await client.tasks.recordFlow("f1", "r1");
    expect(seen.map((r) => [r.method, r.url, r.body])).toEqual([
      ["POST", "/api/tasks/actions", { tasks: [task], action: "approve", comment: "批量" }],
      ["POST", "/api/flow-instances/i1/actions", { action: "withdraw" }],
      ["POST", "/api/flow-instances/i1/admin", { action: "end", comment: "作废" }],
      ["GET", "/api/forms/f1/records/r1/flow", undefined],
    ]);
  });
});
