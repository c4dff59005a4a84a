// Permissions: a form's permission sets (GET/POST /api/forms/:form/permission-sets,
// GET/PUT/DELETE /api/permission-sets/:set), the caller's rights on a form (GET /api/forms/:form/my-rights)
// and an app's admins (GET/PUT /api/apps/:app/admins).
import type { FieldLevel, PermissionSetContent, PermissionSetRecord, RecordAction } from "@formwork/schema";
import { path, type Send } from "./transport";

export type PermissionSet = PermissionSetRecord;

/** What a set's editor sends; a preset's actions and row condition are the server's. */
export type PermissionSetInput = Pick<PermissionSetContent, "name" | "kind"> &
  Partial<Omit<PermissionSetContent, "name" | "kind">>;

export interface MyRights {
  actions: RecordAction[];
  /** Field levels when viewing and editing records. */
  fields: Record<string, FieldLevel>;
  /** Field levels on the fill form. */
  createFields: Record<string, FieldLevel>;
  /** Viewing is limited to some records by a row condition. */
  rowScoped: boolean;
  appAdmin: boolean;
  canDesign: boolean;
  canManagePermissions: boolean;
}

export interface AppAdmin {
  userId: string;
  name: string;
  email: string;
}

export function permissionsApi(send: Send) {
  return {
    list: async (formId: string) =>
      (
        await send<{ sets: PermissionSet[] }>({
          method: "GET",
          path: path`/api/forms/${formId}/permission-sets`,
        })
      ).sets,
    create: (formId: string, set: PermissionSetInput) =>
      send<PermissionSet>({ method: "POST", path: path`/api/forms/${formId}/permission-sets`, body: set }),
    /** Replaces the set; with `version`, VERSION_CONFLICT (412) when someone saved since. */
    update: (setId: string, set: PermissionSetInput, version?: number) =>
      send<PermissionSet>({
        method: "PUT",
        path: path`/api/permission-sets/${setId}`,
        body: set,
        headers: version === undefined ? undefined : { "If-Match": `"${version}"` },
      }),
    remove: (setId: string) => send<void>({ method: "DELETE", path: path`/api/permission-sets/${setId}` }),
    myRights: (formId: string) =>
      send<MyRights>({ method: "GET", path: path`/api/forms/${formId}/my-rights` }),
    appAdmins: async (appId: string) =>
      (await send<{ admins: AppAdmin[] }>({ method: "GET", path: path`/api/apps/${appId}/admins` })).admins,
    setAppAdmins: async (appId: string, userIds: string[]) =>
      (
        await send<{ admins: AppAdmin[] }>({
          method: "PUT",
          path: path`/api/apps/${appId}/admins`,
          body: { userIds },
        })
      ).admins,
  };
}
