import { path, type Send } from "./transport";
import type { UploadedFile } from "./types";

export function filesApi(send: Send, baseUrl: string) {
  return {
    /** Where the browser downloads or shows a file (the session cookie authorises it). */
    url: (fileId: string) => baseUrl + path`/api/files/${fileId}`,
    /** Uploads one file; a record refers to it by the returned id. */
    upload: (file: Blob, name: string) => {
      const form = new FormData();
      form.append("file", file, name);
      return send<UploadedFile>({ method: "POST", path: "/api/files", body: form });
    },
  };
}
