// Uploads: limits, the type allowlist, magic bytes, and who may download.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { openForm } from "./fixtures";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { multipart, PNG } from "./upload-fixtures";

describe.each(testDatabases())("files ($name)", (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database, { uploads: { maxFileBytes: 4096 } });
  });
  afterAll(async () => t?.close());

  const upload = (token: string, file: { name: string; type: string; bytes: Buffer }) => {
    const body = multipart(file);
    return t.app.inject({
      method: "POST",
      url: "/api/files",
      headers: { ...body.headers, authorization: `Bearer ${token}` },
      payload: body.payload,
    });
  };
  const download = (token: string, id: string) =>
    t.app.inject({ method: "GET", url: `/api/files/${id}`, headers: { authorization: `Bearer ${token}` } });

  it("stores an image with its sha256 and serves it back to the uploader only", async () => {
    const response = await upload(t.adminToken, { name: "../../dot.png", type: "image/png", bytes: PNG });
    expect(response.statusCode).toBe(201);
    const file = response.json();
    expect(file).toMatchObject({
      name: "dot.png",
      mime: "image/png",
      size: PNG.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const back = await download(t.adminToken, file.id);
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(PNG)).toBe(true);
    expect(back.headers).toMatchObject({ "content-type": "image/png", "x-content-type-options": "nosniff" });

    const other = await t.newUser("stranger@example.com");
    expect(errorOf(await download(other.token, file.id))).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("refuses files over the limit, outside the allowlist, or not what they claim", async () => {
    const big = await upload(t.adminToken, {
      name: "big.png",
      type: "image/png",
      bytes: Buffer.concat([PNG, Buffer.alloc(5000)]),
    });
    expect(errorOf(big)).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
    const html = await upload(t.adminToken, {
      name: "x.html",
      type: "text/html",
      bytes: Buffer.from("<script>"),
    });
    expect(errorOf(html)).toMatchObject({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
    const fake = await upload(t.adminToken, {
      name: "fake.png",
      type: "image/png",
      bytes: Buffer.from("<svg onload=alert(1)>"),
    });
    expect(errorOf(fake)).toMatchObject({ status: 422, code: "VALIDATION_FAILED", path: "/file" });
    const json = await t.admin.request("POST", "/api/files", { file: "x" });
    expect(errorOf(json)).toMatchObject({ status: 415 });
    const rows = await t.db.selectFrom("files").select("name").execute();
    expect(rows.map((r) => r.name)).not.toEqual(expect.arrayContaining(["big.png", "fake.png"]));
  });

  it("lets readers of a record download its files once attached; refuses others' uploads", async () => {
    const formId = await openForm(t, {
      key: "gallery",
      name: "Gallery",
      fields: [
        { id: "title", type: "text", label: "Title" },
        { id: "photo", type: "image", label: "Photo" },
      ],
    });
    const file = (await upload(t.adminToken, { name: "dot.png", type: "image/png", bytes: PNG })).json();
    const reader = await t.newUser("reader@example.com");
    expect((await download(reader.token, file.id)).statusCode).toBe(404);

    const forged = { id: file.id, name: "renamed.png", size: 1, type: "image/png" };
    const stolen = await reader.request("POST", `/api/forms/${formId}/records`, {
      data: { title: "mine", photo: [forged] },
    });
    expect(errorOf(stolen)).toMatchObject({ status: 422, path: "/data/photo/0" });
    expect(stolen.json().error.details[0].code).toBe("FILE_NOT_FOUND");

    const record = await t.admin.request("POST", `/api/forms/${formId}/records`, {
      data: { title: "pic", photo: [forged] },
    });
    expect(record.statusCode).toBe(201);
    expect(record.json().data.photo).toEqual([
      { id: file.id, name: "dot.png", size: PNG.length, type: "image/png" },
    ]);
    expect((await download(reader.token, file.id)).statusCode).toBe(200);
  });
});
