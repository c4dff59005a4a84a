// The field inputs' services over the Formwork API: uploads with progress (XMLHttpRequest, which
// reports upload progress where fetch does not), linked-record search and the organisation directory.
import { CSRF_HEADER, CSRF_HEADER_VALUE, type FormRecord, type FormworkClient } from "@formwork/client";
import type { FieldServices, FileRef, RecordChoice } from "@formwork/fields/react";

export interface ServiceOptions {
  client: FormworkClient;
  /** Form ids by form key in this app: definitions refer to other forms by key, the API by id. */
  formIds: ReadonlyMap<string, string>;
  /** Same-origin by default; the API base URL otherwise. */
  baseUrl?: string;
  locale: () => string;
}

function uploadWithProgress(
  url: string,
  locale: string,
  file: Blob,
  name: string,
  onProgress: (p: number) => void,
): Promise<FileRef> {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    body.append("file", file, name);
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.withCredentials = true;
    request.setRequestHeader(CSRF_HEADER, CSRF_HEADER_VALUE);
    request.setRequestHeader("Accept-Language", locale);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onerror = () => reject(new Error("upload failed"));
    request.onload = () => {
      if (request.status < 200 || request.status >= 300)
        return reject(new Error(`upload failed: ${request.status}`));
      try {
        const stored = JSON.parse(request.responseText) as {
          id: string;
          name: string;
          size: number;
          mime: string;
        };
        resolve({ id: stored.id, name: stored.name, size: stored.size, type: stored.mime });
      } catch {
        reject(new Error("upload failed: bad response"));
      }
    };
    request.send(body);
  });
}

/** A record's title: the display field when set, else its first text value, else its id. */
export function recordTitle(record: FormRecord, titleField?: string): string {
  const preferred = titleField ? record.data[titleField] : undefined;
  if (typeof preferred === "string" || typeof preferred === "number") return String(preferred);
  const firstText = Object.values(record.data).find((v) => typeof v === "string" && v.trim() !== "");
  return typeof firstText === "string" ? firstText : record.id;
}

export function createFieldServices({
  client,
  formIds,
  baseUrl = "",
  locale,
}: ServiceOptions): FieldServices {
  return {
    upload: (file, name, onProgress) =>
      uploadWithProgress(`${baseUrl}/api/files`, locale(), file, name, onProgress),
    fileUrl: (id) => client.files.url(id),
    async searchRecords(formKey, q, titleField): Promise<RecordChoice[]> {
      const formId = formIds.get(formKey);
      if (!formId) return [];
      const { records } = await client.records.query(formId, { q, limit: 20, count: false });
      return records.map((r) => ({ id: r.id, title: recordTitle(r, titleField), data: r.data }));
    },
    async queryRecords(formKey, filter, limit, titleField): Promise<RecordChoice[]> {
      const formId = formIds.get(formKey);
      if (!formId) return [];
      const { records } = await client.records.query(formId, {
        ...(filter === null || filter === undefined ? {} : { filter }),
        limit,
        count: false,
      });
      return records.map((r) => ({ id: r.id, title: recordTitle(r, titleField), data: r.data }));
    },
    async searchMembers({ q, departmentIds, includeSub, ids, limit }) {
      const { members } = await client.org.members.list({
        ...(q ? { q } : {}),
        ...(departmentIds?.length ? { departmentId: departmentIds, includeSub: includeSub ?? false } : {}),
        ...(ids ? { ids } : {}),
        limit: Math.min(limit ?? 50, 200),
      });
      return members.map((m) => ({
        id: m.id,
        name: m.name,
        ...(m.departments[0] ? { detail: m.departments[0].name } : {}),
      }));
    },
    listDepartments: async () =>
      (await client.org.departments.list()).map(({ id, parentId, name }) => ({ id, parentId, name })),
  };
}
