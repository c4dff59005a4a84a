import { describe, expect, it } from "vitest";
import { createClient } from "./client";
import { empty, fakeFetch, json } from "./fake-fetch.test-helper";

const form = "0193a1b2-0000-7000-8000-000000000001";
const record = "0193a1b2-0000-7000-8000-000000000002";

describe("notifications and comments", () => {
  it("pages, counts and marks read", async () => {
    const page = { items: [], nextCursor: null, unread: 0 };
    const { fetch, seen } = fakeFetch(
      json(200, page),
      json(200, { unread: 3 }),
      json(200, { marked: 3, unread: 0 }),
    );
    const client = createClient({ fetch });
    await expect(client.notifications.list({ unread: true, cursor: "42" })).resolves.toEqual(page);
    await expect(client.notifications.count()).resolves.toEqual({ unread: 3 });
    await client.notifications.markRead({ all: true });
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /api/notifications?unread=true&cursor=42",
      "GET /api/notifications/count",
      "POST /api/notifications/read",
    ]);
  });

  it("addresses a record's comments and a comment by id", async () => {
    const { fetch, seen } = fakeFetch(
      json(200, { items: [] }),
      json(201, { id: "c" }),
      json(200, {}),
      empty(),
    );
    const client = createClient({ fetch });
    await client.comments.list(form, record);
    await client.comments.create(form, record, { text: "hi", mentions: [] });
    await client.comments.update("c1", { text: "hey" });
    await client.comments.remove("c1");
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /api/forms/${form}/records/${record}/comments`,
      `POST /api/forms/${form}/records/${record}/comments`,
      "PATCH /api/comments/c1",
      "DELETE /api/comments/c1",
    ]);
  });
});
