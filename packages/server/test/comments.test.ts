// Comments on records and the notification centre end to end: who may read and write comments (the
// record's view permission, row conditions included), mention checks with pointers, mention
// notifications written with the comment, author-only edits, admin deletes, and the centre's paging,
// counts and mark-read (each user only ever sees their own rows).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { grantEveryone } from "./fixtures";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { addSet, dealsForm, type Member, makeOrg, type Org, whileOpen } from "./permissions-fixtures";
import { act, flowForm, oneApproval, submit, taskFor } from "./workflow-fixtures";

interface Notification {
  id: string;
  kind: string;
  title: string | null;
  link: string | null;
  readAt: string | null;
  actor: { id: string; name: string } | null;
  payload: Record<string, unknown>;
}

describe.each(testDatabases())("comments and notifications ($name)", (database) => {
  let t: TestApp;
  let org: Org;
  let forms = 0;
  beforeAll(async () => {
    t = await startTestApp(database);
    org = await makeOrg(t, "c");
  });
  afterAll(async () => t?.close());

  /** A form with one record by `owner`; `open`: every member manages it, else it is closed (no set). */
  async function deal(owner: Member = org.alice, open = true) {
    forms += 1;
    const { formId, appId } = await dealsForm(t, `cdeals${forms}`);
    const create = () =>
      owner.request("POST", `/api/forms/${formId}/records`, {
        data: { title: "Big deal", secret: "hush", amount: 5 },
      });
    if (open) await grantEveryone(t, formId);
    const r = open ? await create() : await whileOpen(t, formId, create);
    expect(r.statusCode, r.body).toBe(201);
    return {
      formId,
      appId,
      recordId: r.json().id as string,
      url: `/api/forms/${formId}/records/${r.json().id}/comments`,
    };
  }

  const notifications = async (who: Member, query = "") => {
    const r = await who.request("GET", `/api/notifications${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<{ items: Notification[]; nextCursor: string | null; unread: number }>();
  };
  const unread = async (who: Member) => (await who.request("GET", "/api/notifications/count")).json().unread;

  it("a mention notifies the member in the comment's transaction; the centre lists, counts and marks read", async () => {
    const { formId, appId, recordId, url } = await deal();
    const before = await unread(org.bob);
    const posted = await org.alice.request("POST", url, {
      text: "@bob please check",
      mentions: [org.bob.id],
    });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json()).toMatchObject({
      text: "@bob please check",
      author: { id: org.alice.id },
      mentions: [{ id: org.bob.id }],
      editedAt: null,
    });
    expect(await unread(org.bob)).toBe(before + 1);
    const [latest] = (await notifications(org.bob, "?unread=true")).items;
    expect(latest).toMatchObject({
      kind: "mention",
      title: "Big deal",
      actor: { id: org.alice.id },
      link: `/apps/${appId}/forms/${formId}/data?record=${recordId}`,
      readAt: null,
      payload: { formId, recordId, commentId: posted.json().id, excerpt: "@bob please check" },
    });
    // Nobody else sees or marks bob's row.
    expect((await notifications(org.alice)).items.some((n) => n.id === latest!.id)).toBe(false);
    const foreign = await org.alice.request("POST", "/api/notifications/read", { ids: [latest!.id] });
    expect(foreign.json()).toMatchObject({ marked: 0 });
    const mine = await org.bob.request("POST", "/api/notifications/read", { ids: [latest!.id] });
    expect(mine.json()).toEqual({ marked: 1, unread: before });
    expect((await notifications(org.bob)).items[0]!.readAt).not.toBeNull();

    const list = await org.carol.request("GET", url);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: { text: string }) => c.text)).toEqual(["@bob please check"]);
  });

  it("only members who may view the record read and write its comments, and only they may be mentioned", async () => {
    const { formId, url } = await deal(org.alice, false);
    await addSet(t, formId, {
      name: "Sales sees",
      kind: "view_all",
      members: [{ type: "department", id: org.sales, includeSub: true }],
    });
    expect((await org.bob.request("POST", url, { text: "seen" })).statusCode).toBe(201);
    // dave is outside every set: the record does not exist for him.
    expect(errorOf(await org.dave.request("GET", url))).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(errorOf(await org.dave.request("POST", url, { text: "hi" }))).toMatchObject({ status: 404 });
    // A mention of someone who cannot view it is refused with a pointer, and nothing is written.
    const daveBefore = await unread(org.dave);
    const refused = await org.alice.request("POST", url, { text: "hi", mentions: [org.bob.id, org.dave.id] });
    expect(errorOf(refused)).toMatchObject({ status: 403, code: "FORBIDDEN", path: "/mentions/1" });
    expect(refused.json().error.details[0].code).toBe("MENTION_CANNOT_VIEW");
    const unknown = "0193aaaa-aaaa-7aaa-8aaa-aaaaaaaaaaaa";
    expect(errorOf(await org.alice.request("POST", url, { text: "hi", mentions: [unknown] }))).toMatchObject({
      status: 422,
      path: "/mentions/0",
    });
    expect((await org.alice.request("GET", url)).json().items).toHaveLength(1);
    expect(await unread(org.dave)).toBe(daveBefore);
    // Body checks: empty text, text over 10k, unknown properties.
    expect((await org.alice.request("POST", url, { text: "" })).statusCode).toBe(422);
    expect((await org.alice.request("POST", url, { text: "x".repeat(10001) })).statusCode).toBe(422);
    expect((await org.alice.request("POST", url, { text: "x", authorId: org.bob.id })).statusCode).toBe(422);
  });

  it("writing a comment takes the set's comment action: a custom set that only views may read, not write", async () => {
    const { formId, url } = await deal(org.alice, false);
    await addSet(t, formId, {
      name: "Look only",
      kind: "custom",
      actions: ["view"],
      members: [{ type: "user", id: org.carol.id }],
    });
    expect((await org.carol.request("GET", url)).statusCode).toBe(200);
    const refused = await org.carol.request("POST", url, { text: "may I?" });
    expect(errorOf(refused)).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(refused.json().error.details[0].code).toBe("COMMENT_NOT_ALLOWED");
    expect((await t.admin.request("GET", url)).json().items).toHaveLength(0);
  });

  it("a row condition decides too: a record outside it has no comments for that member", async () => {
    const { formId, url } = await deal(org.alice, false);
    await addSet(t, formId, {
      name: "Own only",
      kind: "submit_own",
      members: [
        { type: "user", id: org.carol.id },
        { type: "user", id: org.alice.id },
      ],
    });
    expect((await org.alice.request("GET", url)).statusCode).toBe(200);
    expect((await org.carol.request("GET", url)).statusCode).toBe(404);
    const refused = await org.alice.request("POST", url, { text: "x", mentions: [org.carol.id] });
    expect(errorOf(refused)).toMatchObject({ status: 403, path: "/mentions/0" });
  });

  it("authors edit (new mentions notified once), others may not; authors and admins delete", async () => {
    const { url } = await deal();
    const created = (await org.alice.request("POST", url, { text: "first", mentions: [org.bob.id] })).json();
    const bobBefore = await unread(org.bob);
    const carolBefore = await unread(org.carol);
    const edit = `/api/comments/${created.id}`;
    expect(errorOf(await org.bob.request("PATCH", edit, { text: "hijack" }))).toMatchObject({ status: 403 });
    const edited = await org.alice.request("PATCH", edit, {
      text: "second",
      mentions: [org.bob.id, org.carol.id],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      text: "second",
      mentions: [{ id: org.bob.id }, { id: org.carol.id }],
    });
    expect(edited.json().editedAt).not.toBeNull();
    expect(await unread(org.bob)).toBe(bobBefore);
    expect(await unread(org.carol)).toBe(carolBefore + 1);

    expect(errorOf(await org.bob.request("DELETE", edit))).toMatchObject({ status: 403 });
    expect((await t.admin.request("DELETE", edit)).statusCode).toBe(204);
    expect((await org.alice.request("GET", url)).json().items).toEqual([]);
    expect((await org.alice.request("PATCH", edit, { text: "again" })).statusCode).toBe(404);
    const own = (await org.bob.request("POST", url, { text: "mine" })).json();
    expect((await org.bob.request("DELETE", `/api/comments/${own.id}`)).statusCode).toBe(204);
  });

  it("pages newest first through SQL cursors and marks all read", async () => {
    const { url } = await deal();
    for (let i = 0; i < 5; i++)
      await org.alice.request("POST", url, { text: `n${i}`, mentions: [org.dave.id] });
    const first = await notifications(org.dave, "?limit=2");
    expect(first.items.map((n) => n.payload.excerpt)).toEqual(["n4", "n3"]);
    const second = await notifications(org.dave, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((n) => n.payload.excerpt)).toEqual(["n2", "n1"]);
    expect(errorOf(await org.dave.request("GET", "/api/notifications?cursor=abc")).status).toBe(400);
    const all = await org.dave.request("POST", "/api/notifications/read", { all: true });
    expect(all.json().unread).toBe(0);
    expect((await notifications(org.dave, "?unread=true")).items).toEqual([]);
    expect(errorOf(await org.dave.request("POST", "/api/notifications/read", {})).status).toBe(422);
  });

  it("workflow notify effects become notification rows in the flow's transaction", async () => {
    const formId = await flowForm(t, oneApproval(org.bob.id), "cquotes");
    const record = await submit(org.alice, formId);
    const taskId = await taskFor(org.bob, record.id);
    const assigned = (await notifications(org.bob)).items.find((n) => n.payload.recordId === record.id);
    expect(assigned).toMatchObject({
      kind: "task_assigned",
      link: `/tasks/${taskId}`,
      title: "QT-0001 Pens",
    });
    expect(assigned!.payload).toMatchObject({ formId, taskId, event: "task" });
    expect(assigned!.payload.users).toBeUndefined();
    expect((await act(org.bob, taskId, { action: "approve" })).statusCode).toBe(200);
    const finished = (await notifications(org.alice)).items.find((n) => n.payload.recordId === record.id);
    expect(finished).toMatchObject({
      kind: "flow_finished",
      link: `/tasks/records/${formId}/${record.id}`,
      payload: { status: "completed" },
    });
  });
});
