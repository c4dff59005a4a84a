// A flow started by the record insert's own statement (insertRecords' `also` with writeParts' gate and
// clock base): its rows carry the statement's time, and nothing of it is written when the form's version
// guard refuses the record.
import type { FormDefinition } from "@formwork/schema";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishNew } from "../../test/fixtures";
import { newId } from "../ids";
import { FormChangedError } from "../records/insert-statement";
import { insertRecords } from "../records/write";
import { publishForm } from "../storage/publish";
import type { SystemTables } from "../tables";
import { testDatabases } from "../testing";
import { saveFlowVersion } from "./versions";
import { emptyWrites, type WorkflowWrites, writeParts } from "./writes";

const requests: FormDefinition = {
  key: "requests",
  name: "Requests",
  fields: [{ id: "title", type: "text", label: "Title" }],
};

describe.each(testDatabases())("a flow started in the record's insert on $name", ({ create }) => {
  let db: Kysely<SystemTables>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await create());
  });
  afterAll(() => close());

  /** What starting a one-node flow writes for `recordId`, every time at `at` (this process's clock). */
  function startWrites(formId: string, versionId: string, recordId: string, at: Date): WorkflowWrites {
    const id = newId();
    const w = emptyWrites();
    w.newInstances.push({ id, flowVersionId: versionId, formId, recordId, initiator: null, title: "t" });
    w.instances.push({ id, state: { id }, status: "running", revision: 1 });
    w.newNodeRuns.push({
      id: `${id}:v1`,
      instanceId: id,
      nodeId: "a",
      kind: "approval",
      visit: 1,
      startedAt: at,
    });
    w.newTimers.push({
      id: `${id}:d1`,
      instanceId: id,
      nodeRunId: `${id}:v1`,
      kind: "remind",
      dueAt: new Date(at.getTime() + 3_600_000),
    });
    w.events.push({
      instanceId: id,
      revision: 1,
      action: "start",
      nodeId: "start",
      nodeRunId: null,
      taskId: null,
      actor: null,
      data: {},
      at,
    });
    return w;
  }

  it("writes the flow with the record, its times moved onto the statement's clock", async () => {
    const form = await publishNew(db, requests);
    const version = await saveFlowVersion(db, {
      formId: form.id,
      formVersion: 1,
      definition: {},
      actorId: null,
    });
    const recordId = newId();
    // A clock an hour behind the database's: the rows must still read the database's time.
    const skewed = new Date(Date.now() - 3_600_000);
    const w = startWrites(form.id, version.version.id, recordId, skewed);
    const [record] = await insertRecords(
      db,
      form,
      [{ id: recordId, data: { title: "a" }, flowStatus: "running" }],
      {
        actorId: null,
      },
      { also: (inserted) => writeParts(w, { gate: inserted, clockBase: skewed }) },
    );
    expect(record?.id).toBe(recordId);
    expect(record?.flowStatus).toBe("running");
    const instanceId = w.newInstances[0]!.id;
    const { rows } = await sql<{ run: Date; event: Date; due: Date }>`
      SELECT (SELECT started_at FROM flow_node_runs WHERE instance_id = ${instanceId}::uuid) AS run,
             (SELECT at FROM flow_events WHERE instance_id = ${instanceId}::uuid) AS event,
             (SELECT due_at FROM flow_timers WHERE instance_id = ${instanceId}::uuid) AS due`.execute(db);
    const created = new Date(record!.createdAt).getTime();
    expect(new Date(rows[0]!.run).getTime()).toBe(created);
    expect(new Date(rows[0]!.event).getTime()).toBe(created);
    expect(new Date(rows[0]!.due).getTime()).toBe(created + 3_600_000);
  });

  it("writes nothing of the flow when the form's version guard refuses the record", async () => {
    const form = await publishNew(db, { ...requests, key: "guarded_requests" });
    const version = await saveFlowVersion(db, {
      formId: form.id,
      formVersion: 1,
      definition: {},
      actorId: null,
    });
    await publishForm(db, {
      formId: form.id,
      definition: {
        ...requests,
        key: "guarded_requests",
        fields: [...requests.fields, { id: "more", type: "text", label: "More" }],
      },
      previousDefinition: requests,
    });
    const now = new Date();
    const w = startWrites(form.id, version.version.id, newId(), now);
    const error = await insertRecords(
      db,
      form,
      [{ data: { title: "stale" } }],
      { actorId: null },
      {
        also: (inserted) => writeParts(w, { gate: inserted, clockBase: now }),
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormChangedError);
    const instanceId = w.newInstances[0]!.id;
    const counts = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM flow_instances WHERE id = ${instanceId}::uuid)
           + (SELECT count(*) FROM flow_node_runs WHERE instance_id = ${instanceId}::uuid)
           + (SELECT count(*) FROM flow_timers WHERE instance_id = ${instanceId}::uuid)
           + (SELECT count(*) FROM flow_events WHERE instance_id = ${instanceId}::uuid) AS n`.execute(db);
    expect(Number(counts.rows[0]?.n)).toBe(0);
  });
});
