// The four inboxes (to do, done, initiated, CC): keyset pages in SQL over partial indexes, an optional
// search over the instance title, the form's name and the initiator's name, and per-box counts. Flows of
// deleted forms (a form or its app deleted: its records are out of reach) are left out of all of them.
import { type Expression, type Kysely, type SqlBool, sql } from "kysely";
import { decodeCursor, encodeCursor } from "../records/cursor";
import type { SystemTables } from "../tables";
import type { FlowInstanceStatus, TaskStatus } from "./tables";

type Db = Kysely<SystemTables>;

export const INBOX_BOXES = ["todo", "done", "initiated", "cc"] as const;
export type InboxBox = (typeof INBOX_BOXES)[number];

export interface InboxQuery {
  userId: string;
  box: InboxBox;
  /** Case-insensitive substring of the title, the form's name or the initiator's name. */
  search?: string;
  formId?: string;
  /** 1..200, default 20. */
  limit?: number;
  cursor?: string;
}

export interface InboxItem {
  /** Null in the initiated box (an instance, not a task). */
  taskId: string | null;
  instanceId: string;
  flowVersionId: string;
  formId: string;
  formName: unknown;
  appId: string;
  recordId: string;
  title: string;
  /** The task's node, or in the initiated box the nodes the instance waits in. */
  nodeIds: string[];
  taskStatus: TaskStatus | null;
  action: string | null;
  instanceStatus: FlowInstanceStatus;
  initiator: { id: string; name: string } | null;
  startedAt: string;
  /** When the task arrived (or the instance started). */
  createdAt: string;
  completedAt: string | null;
  dueAt: string | null;
  /** CC only: when it was opened. */
  readAt: string | null;
}

export interface InboxCounts {
  todo: number;
  done: number;
  initiated: number;
  cc: number;
  ccUnread: number;
}

export interface InboxPage {
  items: InboxItem[];
  counts: InboxCounts;
  nextCursor: string | null;
}

interface Row {
  task_id: string | null;
  instance_id: string;
  flow_version_id: string;
  form_id: string;
  form_name: unknown;
  app_id: string;
  record_id: string;
  title: string;
  node_ids: string[] | null;
  task_status: TaskStatus | null;
  action: string | null;
  instance_status: FlowInstanceStatus;
  initiator_id: string | null;
  initiator_name: string | null;
  started_at: Date;
  created_at: Date;
  completed_at: Date | null;
  due_at: Date | null;
  read_at: Date | null;
  /** The sort time as PostgreSQL's text: exact to the microsecond, unlike a JS Date. */
  sort_at: string;
  sort_id: string;
}

export async function listInbox(db: Db, query: InboxQuery): Promise<InboxPage> {
  const limit = Math.min(200, Math.max(1, query.limit ?? 20));
  const signature = `inbox:${query.box}`;
  const after = query.cursor ? decodeCursor(query.cursor, signature, 2) : null;
  const conditions: Expression<SqlBool>[] = [];
  if (query.formId) conditions.push(sql<SqlBool>`i.form_id = ${query.formId}::uuid`);
  if (query.search?.trim()) {
    const like = `%${query.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql<SqlBool>`(i.title ILIKE ${like} OR (f.definition->>'name') ILIKE ${like}
      OR u.name ILIKE ${like})`);
  }
  const sortAt =
    query.box === "initiated"
      ? sql`i.started_at`
      : query.box === "done"
        ? sql`t.completed_at`
        : sql`t.created_at`;
  const sortId = query.box === "initiated" ? sql`i.id` : sql`t.id`;
  if (after) {
    const lastId =
      query.box === "initiated" ? sql`${String(after[1])}::uuid` : sql`${String(after[1])}::text`;
    conditions.push(sql<SqlBool>`(${sortAt}, ${sortId}) < (${String(after[0])}::timestamptz, ${lastId})`);
  }
  const where = conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``;
  const page = await sql<Row>`${boxQuery(query.box, query.userId, sortAt, sortId, where)}
    LIMIT ${limit + 1}`.execute(db);
  const rows = page.rows.slice(0, limit);
  const last = rows[rows.length - 1];
  return {
    items: rows.map(toItem),
    counts: await inboxCounts(db, query.userId),
    nextCursor:
      page.rows.length > limit && last ? encodeCursor(signature, [last.sort_at, last.sort_id]) : null,
  };
}

/**
 * `<form id> NOT IN` the deleted forms: a hashed set built once per query (deleted forms are few), so the
 * counts stay index scans of the user's tasks with a hash probe each instead of a join to forms.
 */
const OF_LIVE_FORM = sql`NOT IN (SELECT id FROM forms WHERE deleted_at IS NOT NULL)`;

function boxQuery(
  box: InboxBox,
  userId: string,
  sortAt: ReturnType<typeof sql>,
  sortId: ReturnType<typeof sql>,
  where: ReturnType<typeof sql>,
) {
  const common = sql`i.id AS instance_id, i.flow_version_id, i.form_id, f.definition->'name' AS form_name,
    f.app_id, i.record_id, i.title, i.status AS instance_status, i.initiator AS initiator_id,
    u.name AS initiator_name, i.started_at, ${sortAt}::text AS sort_at, ${sortId} AS sort_id`;
  const joins = sql`JOIN forms f ON f.id = i.form_id LEFT JOIN users u ON u.id = i.initiator`;
  if (box === "initiated") {
    return sql`SELECT NULL::uuid AS task_id, ${common},
        (SELECT array_agg(r.node_id ORDER BY r.started_at) FROM flow_node_runs r
          WHERE r.instance_id = i.id AND r.status = 'active') AS node_ids,
        NULL AS task_status, NULL AS action, i.started_at AS created_at, i.finished_at AS completed_at,
        NULL::timestamptz AS due_at, NULL::timestamptz AS read_at
      FROM flow_instances i ${joins}
      WHERE i.initiator = ${userId}::uuid AND i.form_id ${OF_LIVE_FORM} ${where}
      ORDER BY i.started_at DESC, i.id DESC`;
  }
  const which =
    box === "todo"
      ? sql`t.status = 'pending' AND t.kind <> 'cc'`
      : box === "done"
        ? sql`t.status = 'done' AND t.kind <> 'cc'`
        : sql`t.kind = 'cc'`;
  return sql`SELECT t.id AS task_id, ${common}, ARRAY[t.node_id] AS node_ids, t.status AS task_status,
      t.action, t.created_at, t.completed_at, t.due_at, t.read_at
    FROM flow_tasks t JOIN flow_instances i ON i.id = t.instance_id ${joins}
    WHERE t.assignee = ${userId}::uuid AND ${which} AND t.form_id ${OF_LIVE_FORM} ${where}
    ORDER BY ${sortAt} DESC, ${sortId} DESC`;
}

/** Badge counts of every box, one round trip; each count is served by its partial index. */
export async function inboxCounts(db: Db, userId: string): Promise<InboxCounts> {
  const live = sql`form_id ${OF_LIVE_FORM}`;
  const { rows } = await sql<InboxCounts>`SELECT
    (SELECT count(*) FROM flow_tasks WHERE assignee = ${userId}::uuid AND status = 'pending' AND kind <> 'cc'
      AND ${live})::int AS todo,
    (SELECT count(*) FROM flow_tasks WHERE assignee = ${userId}::uuid AND status = 'done' AND kind <> 'cc'
      AND ${live})::int AS done,
    (SELECT count(*) FROM flow_instances WHERE initiator = ${userId}::uuid AND ${live})::int AS initiated,
    (SELECT count(*) FROM flow_tasks WHERE assignee = ${userId}::uuid AND kind = 'cc' AND ${live})::int AS cc,
    (SELECT count(*) FROM flow_tasks WHERE assignee = ${userId}::uuid AND kind = 'cc' AND read_at IS NULL
      AND ${live})::int AS "ccUnread"`.execute(db);
  return rows[0]!;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toItem(r: Row): InboxItem {
  return {
    taskId: r.task_id,
    instanceId: r.instance_id,
    flowVersionId: r.flow_version_id,
    formId: r.form_id,
    formName: r.form_name,
    appId: r.app_id,
    recordId: r.record_id,
    title: r.title,
    nodeIds: r.node_ids ?? [],
    taskStatus: r.task_status,
    action: r.action,
    instanceStatus: r.instance_status,
    initiator: r.initiator_id ? { id: r.initiator_id, name: r.initiator_name ?? "" } : null,
    startedAt: r.started_at.toISOString(),
    createdAt: r.created_at.toISOString(),
    completedAt: iso(r.completed_at),
    dueAt: iso(r.due_at),
    readAt: iso(r.read_at),
  };
}
