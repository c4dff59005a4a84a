// Two designers on one draft: each save names the revision it was made on; a stale one is refused.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { errorOf, startTestApp, type TestApp } from "./harness";

describe.each(testDatabases())("draft revisions ($name)", (database) => {
  let t: TestApp;
  let appId: string;
  beforeAll(async () => {
    t = await startTestApp(database);
    appId = (await t.admin.request("POST", "/api/apps", { name: "Drafts" })).json().id;
  });
  afterAll(async () => t?.close());

  const draft = (key: string, label: string) => ({
    key,
    name: key,
    fields: [{ id: "f", type: "text", label }],
  });

  it("tags the draft with its revision and refuses a save made on an older one (412)", async () => {
    const form = (await t.admin.request("POST", `/api/apps/${appId}/forms`, draft("one", "A"))).json();
    expect(form.revision).toBe(1);
    const read = await t.admin.request("GET", `/api/forms/${form.id}`);
    expect(read.headers.etag).toBe('"1"');

    const first = await t.admin.request("PUT", `/api/forms/${form.id}`, draft("one", "B"), {
      "if-match": '"1"',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().revision).toBe(2);
    expect(first.headers.etag).toBe('"2"');

    const second = await t.admin.request("PUT", `/api/forms/${form.id}`, draft("one", "C"), {
      "if-match": '"1"',
    });
    expect(errorOf(second)).toMatchObject({
      status: 412,
      code: "VERSION_CONFLICT",
      path: "/headers/if-match",
    });
    const now = (await t.admin.request("GET", `/api/forms/${form.id}`)).json();
    expect(now.definition.fields[0].label).toBe("B");
    expect(now.revision).toBe(2);

    // Without If-Match the API replaces the draft outright (scripts); a malformed one is a 400.
    const blind = await t.admin.request("PUT", `/api/forms/${form.id}`, draft("one", "D"));
    expect(blind.json().revision).toBe(3);
    const bad = await t.admin.request("PUT", `/api/forms/${form.id}`, draft("one", "E"), {
      "if-match": "abc",
    });
    expect(errorOf(bad)).toMatchObject({ status: 400, path: "/headers/if-match" });
  });

  it("lets exactly one of two concurrent saves on the same revision win", async () => {
    const form = (await t.admin.request("POST", `/api/apps/${appId}/forms`, draft("two", "A"))).json();
    const results = await Promise.all(
      ["X", "Y"].map((label) =>
        t.admin.request("PUT", `/api/forms/${form.id}`, draft("two", label), { "if-match": '"1"' }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.statusCode === 200)!.json().definition.fields[0].label;
    expect((await t.admin.request("GET", `/api/forms/${form.id}`)).json().definition.fields[0].label).toBe(
      winner,
    );
  });
});
