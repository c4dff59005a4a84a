import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { empty, fakeFetch, json } from "./fake-fetch.test-helper";
import { createTransport, path, queryString } from "./transport";

describe("transport", () => {
  it("sends the CSRF header and JSON body on unsafe methods, with cookies included", async () => {
    const { fetch, seen } = fakeFetch(json(201, { id: "a1" }));
    const send = createTransport({ baseUrl: "http://host/", fetch });
    const result = await send<{ id: string }>({ method: "POST", path: "/api/apps", body: { name: "CRM" } });
    expect(result).toEqual({ id: "a1" });
    expect(seen[0]).toMatchObject({
      url: "http://host/api/apps",
      method: "POST",
      body: { name: "CRM" },
      credentials: "include",
      headers: { "x-requested-with": "formwork", "content-type": "application/json" },
    });
  });

  it("does not send the CSRF header or a content type on reads", async () => {
    const { fetch, seen } = fakeFetch(json(200, { apps: [] }));
    await createTransport({ fetch })({ method: "GET", path: "/api/apps" });
    expect(seen[0]?.headers["x-requested-with"]).toBeUndefined();
    expect(seen[0]?.headers["content-type"]).toBeUndefined();
    expect(seen[0]?.url).toBe("/api/apps");
  });

  it("sends a bearer token and the current locale", async () => {
    let locale = "zh-CN";
    const { fetch, seen } = fakeFetch(json(200, {}), json(200, {}));
    const send = createTransport({ fetch, token: "fw_secret", locale: () => locale });
    await send({ method: "GET", path: "/api/me" });
    locale = "en";
    await send({ method: "GET", path: "/api/me" });
    expect(seen[0]?.headers.authorization).toBe("Bearer fw_secret");
    expect(seen.map((r) => r.headers["accept-language"])).toEqual(["zh-CN", "en"]);
  });

  it("answers undefined for an empty 204", async () => {
    const { fetch } = fakeFetch(empty());
    await expect(
      createTransport({ fetch })({ method: "DELETE", path: "/api/apps/x" }),
    ).resolves.toBeUndefined();
  });

  it("turns the server's error body into an ApiError with status and details", async () => {
    const body = {
      error: {
        code: "VALIDATION_FAILED",
        message: "bad",
        details: [{ path: "/data/qty", message: "too small" }],
      },
    };
    const { fetch } = fakeFetch(json(422, body));
    const error = await createTransport({ fetch })({ method: "POST", path: "/x", body: {} }).then(
      () => null,
      (e: unknown) => e as ApiError,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", status: 422, message: "bad" });
    expect(error?.detailFor("/data")).toEqual({ path: "/data/qty", message: "too small" });
    expect(error?.detailFor("/data/q")).toBeUndefined();
  });

  it("reports a non-JSON error page as BAD_RESPONSE with its status", async () => {
    const { fetch } = fakeFetch(new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(createTransport({ fetch })({ method: "GET", path: "/x" })).rejects.toMatchObject({
      code: "BAD_RESPONSE",
      status: 502,
    });
  });

  it("reports malformed JSON in a 200 as BAD_RESPONSE", async () => {
    const { fetch } = fakeFetch(new Response("{not json", { status: 200 }));
    await expect(createTransport({ fetch })({ method: "GET", path: "/x" })).rejects.toMatchObject({
      code: "BAD_RESPONSE",
      status: 200,
    });
  });

  it("reports a failed connection as NETWORK_ERROR with status 0", async () => {
    const { fetch } = fakeFetch(new TypeError("Failed to fetch"));
    await expect(createTransport({ fetch })({ method: "GET", path: "/x" })).rejects.toMatchObject({
      code: "NETWORK_ERROR",
      status: 0,
    });
  });

  it("passes FormData through untouched", async () => {
    const { fetch, seen } = fakeFetch(json(201, {}));
    const form = new FormData();
    form.append("file", new Blob(["x"]), "a.txt");
    await createTransport({ fetch })({ method: "POST", path: "/api/files", body: form });
    expect(seen[0]?.body).toBe(form);
    expect(seen[0]?.headers["content-type"]).toBeUndefined();
  });
});

describe("path", () => {
  it("encodes each segment so an id cannot change the route", () => {
    expect(path`/api/forms/${"../apps"}/records/${"a b"}`).toBe("/api/forms/..%2Fapps/records/a%20b");
  });
});

describe("queryString", () => {
  it("drops undefined values and encodes the rest", () => {
    expect(queryString({ a: "x&y", b: undefined, c: 2, d: false })).toBe("?a=x%26y&c=2&d=false");
    expect(queryString({ a: undefined })).toBe("");
    expect(queryString(undefined)).toBe("");
  });
});
