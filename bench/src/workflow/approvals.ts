// Approve transitions over HTTP against the raw replay of the same transaction, alternating rounds so
// the machine's background load lands on both; each approval consumes one pending task.
import pg from "pg";
import { type LoadResult, runLoad } from "../server/load";
import { replayRaw, type Sample, type Statement } from "./raw-replay";

export interface ApprovalResult {
  http: LoadResult[];
  raw: LoadResult[];
}

/** The approver's pending tasks with their instance and record, oldest first. */
export async function pendingTasks(url: string, approverId: string, formId: string): Promise<Sample[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ task_id: string; instance_id: string; record_id: string }>(
      `SELECT t.id AS task_id, t.instance_id, t.record_id FROM flow_tasks t
       WHERE t.assignee = $1 AND t.form_id = $2 AND t.status = 'pending' ORDER BY t.created_at, t.id`,
      [approverId, formId],
    );
    return rows.map((r) => ({ taskId: r.task_id, instanceId: r.instance_id, recordId: r.record_id }));
  } finally {
    await client.end();
  }
}

export async function compareApprovals(settings: {
  url: string;
  port: number;
  token: string;
  statements: Statement[];
  sample: Sample;
  tasks: Sample[];
  concurrency: number;
  /** Connections of the raw replay: the server's pool size, so both run as many transactions at once. */
  rawConnections: number;
  durationMs: number;
  warmupMs: number;
  rounds: number;
}): Promise<ApprovalResult> {
  let used = 0;
  const take = () => settings.tasks[used++];
  const http = (durationMs: number) =>
    runLoad({
      port: settings.port,
      concurrency: settings.concurrency,
      durationMs,
      expectStatus: 200,
      next: () => {
        const task = take();
        if (!task) throw new Error("the task pool ran out: raise BENCH_FLOW_TASKS");
        return {
          method: "POST",
          path: `/api/tasks/${encodeURIComponent(task.taskId)}/actions`,
          headers: { authorization: `Bearer ${settings.token}` },
          body: '{"action":"approve"}',
        };
      },
    });
  const raw = async (durationMs: number) => {
    const targets = settings.tasks.slice(used);
    const result = await replayRaw(settings.url, settings.statements, settings.sample, targets, {
      concurrency: settings.rawConnections,
      durationMs,
    });
    used += result.requests;
    return result;
  };
  await http(settings.warmupMs);
  await raw(settings.warmupMs);
  const result: ApprovalResult = { http: [], raw: [] };
  for (let round = 0; round < settings.rounds; round++) {
    result.http.push(await http(settings.durationMs));
    result.raw.push(await raw(settings.durationMs));
  }
  return result;
}
