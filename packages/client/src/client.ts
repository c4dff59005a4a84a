import { analyticsApi } from "./analytics";
import { appsApi } from "./apps";
import { auditApi } from "./audit";
import { authApi } from "./auth";
import { automationsApi } from "./automations";
import { filesApi } from "./files";
import { formsApi } from "./forms";
import { commentsApi, notificationsApi } from "./notifications";
import { orgApi } from "./org";
import { permissionsApi } from "./permissions";
import { publicLinksApi } from "./public-links";
import { recordsApi } from "./records";
import { tasksApi } from "./tasks";
import { tokensApi } from "./tokens";
import { baseUrlOf, createTransport, type TransportOptions } from "./transport";
import { usersApi } from "./users";
import { viewsApi } from "./views";
import { webhooksApi } from "./webhooks";

export type ClientOptions = TransportOptions;

/** The typed Formwork API: one namespace per resource, every failure an `ApiError`. */
export function createClient(options: ClientOptions = {}) {
  const send = createTransport(options);
  return {
    auth: authApi(send),
    apps: appsApi(send),
    forms: formsApi(send),
    records: recordsApi(send),
    files: filesApi(send, baseUrlOf(options)),
    users: usersApi(send),
    tokens: tokensApi(send),
    org: orgApi(send),
    permissions: permissionsApi(send),
    tasks: tasksApi(send),
    views: viewsApi(send),
    analytics: analyticsApi(send, baseUrlOf(options)),
    notifications: notificationsApi(send),
    comments: commentsApi(send),
    publicLinks: publicLinksApi(send),
    audit: auditApi(send),
    automations: automationsApi(send),
    webhooks: webhooksApi(send),
    /** The transport itself: namespaces a web page loads lazily (templatesApi) are built on it. */
    send,
  };
}

export type FormworkClient = ReturnType<typeof createClient>;
