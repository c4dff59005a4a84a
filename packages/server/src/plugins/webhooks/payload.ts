// What a webhook receives. Record events carry the record as the API shows it to an app admin: system
// fields and the values of the published form's fields — nothing kept for fields removed since, no
// internal columns. Flow events name the instance, the record and the task.
import type { ApiRecord, PublishedForm } from "@formwork/db";
import type { Principal } from "../auth/principal";
import type { FlowChange, RecordChange } from "../records/events";

export interface WebhookPayload {
  event: string;
  occurredAt: string;
  app: { id: string };
  form: { id: string; key?: string; name?: unknown };
  record?: Partial<ApiRecord> & { id: string };
  flow?: { instanceId: string; taskId?: string };
  actor: { id: string; name: string } | null;
}

export function recordPayload(event: string, change: RecordChange, occurredAt: Date): WebhookPayload {
  return {
    event,
    occurredAt: occurredAt.toISOString(),
    app: { id: change.appId },
    form: formOf(change.formId, change.form),
    record: publicRecord(change.record, change.form),
    actor: actorOf(change.actor),
  };
}

export function flowPayload(
  event: string,
  change: FlowChange,
  form: PublishedForm | null,
  occurredAt: Date,
): WebhookPayload {
  return {
    event,
    occurredAt: occurredAt.toISOString(),
    app: { id: change.appId },
    form: formOf(change.formId, form),
    record: { id: change.recordId },
    flow: { instanceId: change.instanceId, ...(change.taskId ? { taskId: change.taskId } : {}) },
    actor: actorOf(change.actor),
  };
}

function formOf(id: string, form: PublishedForm | null): WebhookPayload["form"] {
  return form ? { id, key: form.definition.key, name: form.definition.name } : { id };
}

function actorOf(actor: Principal | null): WebhookPayload["actor"] {
  return actor ? { id: actor.userId, name: actor.name } : null;
}

function publicRecord(record: ApiRecord, form: PublishedForm): ApiRecord {
  const fields = new Set(form.definition.fields.map((f) => f.id));
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record.data)) if (fields.has(key)) data[key] = value;
  return {
    id: record.id,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    createdBy: record.createdBy,
    ownerId: record.ownerId,
    flowStatus: record.flowStatus,
    ...(record.deletedAt ? { deletedAt: record.deletedAt } : {}),
    data,
  };
}
