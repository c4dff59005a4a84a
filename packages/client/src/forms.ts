import type { FormDefinition } from "@formwork/schema";
import { path, type Send } from "./transport";
import type { Form, FormVersion, FormVersionInfo, Published } from "./types";

export function formsApi(send: Send) {
  return {
    create: (appId: string, definition: FormDefinition) =>
      send<Form>({ method: "POST", path: path`/api/apps/${appId}/forms`, body: definition }),
    /** The form with its current draft. */
    get: (formId: string) => send<Form>({ method: "GET", path: path`/api/forms/${formId}` }),
    /**
     * Replaces the draft. With `revision` (the one this editor last read or saved), fails with
     * VERSION_CONFLICT (412) when someone else saved in between instead of overwriting their work.
     */
    saveDraft: (formId: string, definition: FormDefinition, revision?: number) =>
      send<Form>({
        method: "PUT",
        path: path`/api/forms/${formId}`,
        body: definition,
        headers: revision === undefined ? undefined : { "If-Match": `"${revision}"` },
      }),
    /** Freezes the draft as the next immutable version. */
    publish: (formId: string) =>
      send<Published>({ method: "POST", path: path`/api/forms/${formId}/publish` }),
    versions: async (formId: string) =>
      (
        await send<{ versions: FormVersionInfo[] }>({
          method: "GET",
          path: path`/api/forms/${formId}/versions`,
        })
      ).versions,
    /** One published version with its definition. */
    version: (formId: string, version: number) =>
      send<FormVersion>({ method: "GET", path: path`/api/forms/${formId}/versions/${String(version)}` }),
  };
}
