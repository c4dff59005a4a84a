// Realtime hints into TanStack Query: a record hint refetches that form's grid pages and open records
// (coalesced per form, so a burst of submissions costs one refetch), a notification hint sets the bell's
// count, a task hint refetches the inbox, a publish refetches the app's forms. After a reconnect all of
// them refetch. Hints carry no data of their own: the REST API answers with the user's permissions.
import type { FormChangedHint, NotificationsHint, RecordHint } from "@formwork/schema";
import type { QueryClient } from "@tanstack/react-query";
import { RealtimeConnection, type RealtimeHandlers } from "./connection";

const RECORD_COALESCE_MS = 250;

/**
 * The query keys hints touch, as literals: importing the features' key modules would make this lazily
 * loaded chunk list their whole import graphs in every page's first load (query-handlers.test.ts
 * checks that they equal recordKeys.all, notificationKeys, taskKeys.all and queryKeys.apps).
 */
export const HINT_KEYS = {
  records: (formId: string) => ["forms", formId, "records"] as const,
  notificationCount: ["notifications", "count"] as const,
  notificationLists: ["notifications", "list"] as const,
  notifications: ["notifications"] as const,
  tasks: ["tasks"] as const,
  apps: ["apps"] as const,
};

export function queryHandlers(client: QueryClient): RealtimeHandlers {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const refetchRecords = (formId: string) => {
    if (pending.has(formId)) return;
    pending.set(
      formId,
      setTimeout(() => {
        pending.delete(formId);
        void client.invalidateQueries({ queryKey: HINT_KEYS.records(formId) });
      }, RECORD_COALESCE_MS),
    );
  };
  return {
    record: (hint: RecordHint) => refetchRecords(hint.formId),
    notifications: (hint: NotificationsHint) => {
      client.setQueryData(HINT_KEYS.notificationCount, { unread: hint.unread });
      void client.invalidateQueries({ queryKey: HINT_KEYS.notificationLists });
    },
    tasks: () => void client.invalidateQueries({ queryKey: HINT_KEYS.tasks }),
    formChanged: (hint: FormChangedHint) => {
      // A publish changes the grid's columns and the app's form list; a draft save only the designer's.
      if (hint.kind === "published") void client.invalidateQueries({ queryKey: HINT_KEYS.apps });
    },
    resync: (watchedForms: string[]) => {
      void client.invalidateQueries({ queryKey: HINT_KEYS.notifications });
      void client.invalidateQueries({ queryKey: HINT_KEYS.tasks });
      for (const formId of watchedForms) refetchRecords(formId);
    },
  };
}

/** The connection wired to the app's queries (loaded on demand by RealtimeProvider). */
export function openConnection(client: QueryClient): RealtimeConnection {
  const connection = new RealtimeConnection(queryHandlers(client));
  void connection.start().catch(() => undefined);
  return connection;
}
