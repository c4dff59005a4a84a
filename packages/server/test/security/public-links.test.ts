// Public links: fill links take only their fields through the records write path (no creator), with
// password, expiry, cap and disable; query links need every condition and show only chosen fields; an
// invalid, expired, disabled or used-up token gets the very same answer; per-IP limits; admins only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "../databases";
import { CSRF, errorOf, startTestApp, type TestApp } from "../harness";
import { dealsForm } from "../permissions-fixtures";

describe.each(testDatabases())("security: public links ($name)", (database) => {
  let t: TestApp;
  let formId: string;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp(database, { rateLimits: { publicPerIp: 1000 } });
    ({ formId } = await dealsForm(t, "pub"));
    url = `/api/forms/${formId}/public-links`;
  });
  afterAll(async () => t?.close());

  const link = async (body: Record<string, unknown>) => {
    const r = await t.admin.request("POST", url, body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: string; token: string }>();
  };
  const visitor = (method: "GET" | "POST", path: string, payload?: object, ip = "198.51.100.7") =>
    t.app.inject({ method, url: path, headers: CSRF, remoteAddress: ip, ...(payload ? { payload } : {}) });
  const submit = (token: string, data: object, extra: object = {}) =>
    visitor("POST", `/api/public/forms/${token}/records`, { data, ...extra });

  it("a fill link's token has at least 128 random bits and is stored hashed", async () => {
    const { id, token } = await link({ kind: "fill", displayFields: ["title", "amount"] });
    expect(token.length).toBeGreaterThanOrEqual(3 + 43);
    const row = await t.db
      .selectFrom("public_links")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("shows only the link's fields and takes a submission without a creator", async () => {
    const { token } = await link({ kind: "fill", displayFields: ["title", "amount"] });
    const definition = await visitor("GET", `/api/public/forms/${token}`);
    expect(definition.statusCode, definition.body).toBe(200);
    expect(definition.json().definition.fields.map((f: { id: string }) => f.id)).toEqual(["title", "amount"]);
    expect(definition.body).not.toContain("secret");
    const created = await submit(token, { title: "from the web", amount: 5 });
    expect(created.statusCode, created.body).toBe(201);
    const stored = (await t.admin.request("GET", `/api/forms/${formId}/records/${created.json().id}`)).json();
    expect(stored).toMatchObject({
      createdBy: null,
      ownerId: null,
      data: { title: "from the web", amount: 5 },
    });
  });

  it("a public submitter cannot set other fields or system fields", async () => {
    const { token } = await link({ kind: "fill", displayFields: ["title"] });
    expect(errorOf(await submit(token, { title: "x", secret: "s" }))).toMatchObject({
      status: 403,
      code: "FORBIDDEN_FIELD",
      path: "/data/secret",
    });
    for (const key of ["createdBy", "ownerId", "id", "created_by"]) {
      expect(
        (await submit(token, { title: "x", [key]: "00000000-0000-7000-8000-000000000001" })).statusCode,
        key,
      ).toBe(403);
    }
    expect(
      (await visitor("POST", `/api/public/forms/${token}/records`, { data: { title: "x" }, createdBy: "y" }))
        .statusCode,
    ).toBe(422);
    // Validation is the normal pipeline's: a required field still counts.
    expect((await submit(token, {})).statusCode).toBe(422);
  });

  it("an invalid, expired, disabled or used-up token gets the same status, code and body", async () => {
    const disabled = await link({ kind: "fill", displayFields: ["title"] });
    expect((await t.admin.request("POST", `/api/public-links/${disabled.id}/disable`)).statusCode).toBe(200);
    const capped = await link({ kind: "fill", displayFields: ["title"], maxSubmissions: 1 });
    expect((await submit(capped.token, { title: "only one" })).statusCode).toBe(201);
    const expired = await link({
      kind: "fill",
      displayFields: ["title"],
      expiresAt: new Date(Date.now() + 1500).toISOString(),
    });
    const badExpiry = await t.admin.request("POST", url, {
      kind: "fill",
      displayFields: ["title"],
      expiresAt: "next tuesday",
    });
    expect(badExpiry.statusCode, badExpiry.body).toBe(422);
    expect(JSON.stringify(badExpiry.json().error.details)).toContain("/expiresAt");
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const invalid = `pl_${"A".repeat(43)}`;
    const answers = [];
    for (const token of [invalid, disabled.token, capped.token, expired.token, "short"]) {
      const get = await visitor("GET", `/api/public/forms/${token}`);
      const post = await submit(token, { title: "x" });
      answers.push([get.statusCode, get.body, post.statusCode, post.body]);
    }
    expect(answers[0]![0]).toBe(404);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    // A query token is not a fill token either.
    const query = await link({ kind: "query", queryFields: ["title"], displayFields: ["stage"] });
    expect((await visitor("GET", `/api/public/forms/${query.token}`)).body).toBe(answers[0]![1]);
  });

  it("a password-protected link refuses without or with the wrong password", async () => {
    const { token } = await link({ kind: "fill", displayFields: ["title"], password: "open sesame" });
    expect((await visitor("GET", `/api/public/forms/${token}`)).statusCode).toBe(401);
    expect((await submit(token, { title: "x" }, { password: "wrong" })).statusCode).toBe(401);
    expect((await submit(token, { title: "x" }, { password: "open sesame" })).statusCode).toBe(201);
  });

  it("a query link needs every condition exactly and shows only its display fields", async () => {
    await t.admin.request("POST", `/api/forms/${formId}/records`, {
      data: { title: "Q-1", stage: "won", secret: "s1", amount: 9 },
    });
    await t.admin.request("POST", `/api/forms/${formId}/records`, {
      data: { title: "Q-2", stage: "lost", secret: "s2" },
    });
    const { token } = await link({ kind: "query", queryFields: ["title"], displayFields: ["stage"] });
    const path = `/api/public/query/${token}`;
    const found = await visitor("POST", path, { conditions: { title: "Q-1" } });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().records).toEqual([{ data: { stage: "won" } }]);
    expect(found.body).not.toContain("s1");
    expect((await visitor("POST", path, { conditions: { title: "Q" } })).json().records).toEqual([]);
    expect((await visitor("POST", path, { conditions: {} })).statusCode).toBe(422);
    expect((await visitor("POST", path, { conditions: { title: "Q-1", secret: "s1" } })).statusCode).toBe(
      422,
    );
    expect((await visitor("POST", path, { conditions: { title: { "!=": "x" } } })).statusCode).toBe(422);
  });

  it("only administrators of the form's app create, list or disable links", async () => {
    const member = await t.newUser("pub-member@example.com");
    expect((await member.request("POST", url, { kind: "fill", displayFields: ["title"] })).statusCode).toBe(
      403,
    );
    expect((await member.request("GET", url)).statusCode).toBe(403);
    const { id } = await link({ kind: "fill", displayFields: ["title"] });
    expect((await member.request("POST", `/api/public-links/${id}/disable`)).statusCode).toBe(403);
    // Member pickers never go public.
    expect(
      (await t.admin.request("POST", url, { kind: "fill", displayFields: ["title", "rep"] })).statusCode,
    ).toBe(422);
  });

  it("limits public requests per client address with 429 and Retry-After", async () => {
    const local = await startTestApp(database, { rateLimits: { publicPerIp: 3 } });
    try {
      const answers = [];
      for (let i = 0; i < 4; i++)
        answers.push(
          await local.app.inject({
            method: "GET",
            url: `/api/public/forms/pl_${i}`,
            remoteAddress: "192.0.2.1",
          }),
        );
      expect(answers.slice(0, 3).map((a) => a.statusCode)).toEqual([404, 404, 404]);
      expect(answers[3]!.statusCode).toBe(429);
      expect(answers[3]!.headers["retry-after"]).toBeDefined();
    } finally {
      await local.close();
    }
  });
});
