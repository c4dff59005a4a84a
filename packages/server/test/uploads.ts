// Uploading and downloading through the app, as a browser does (bodies from ./upload-fixtures).
import type { TestApp } from "./harness";
import { multipart } from "./upload-fixtures";

export function upload(t: TestApp, token: string, file: { name: string; type: string; bytes: Buffer }) {
  const body = multipart(file);
  return t.app.inject({
    method: "POST",
    url: "/api/files",
    headers: { ...body.headers, authorization: `Bearer ${token}` },
    payload: body.payload,
  });
}

export function download(t: TestApp, token: string, id: string) {
  return t.app.inject({
    method: "GET",
    url: `/api/files/${id}`,
    headers: { authorization: `Bearer ${token}` },
  });
}
