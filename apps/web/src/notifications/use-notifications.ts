import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";

export const notificationKeys = {
  all: ["notifications"] as const,
  count: ["notifications", "count"] as const,
  list: (unread: boolean) => ["notifications", "list", unread] as const,
};

/**
 * The header bell's number: the realtime connection pushes it (RealtimeProvider sets this query's
 * data); the slow poll is the fallback for a connection that cannot open (a proxy without WebSockets).
 */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.count,
    queryFn: () => api.notifications.count(),
    refetchInterval: 5 * 60_000,
    staleTime: 15_000,
  });
}

/** The centre's list, newest first, page by page (SQL cursor). */
export function useNotifications(unread: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unread),
    queryFn: ({ pageParam }) =>
      api.notifications.list({ unread, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (which: { ids: string[] } | { all: true }) => api.notifications.markRead(which),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

const settingsKey = ["notifications", "settings"] as const;

/** Whether the member gets email copies, and whether the server can send email at all. */
export function useNotificationSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api.notifications.settings(), staleTime: 60_000 });
}

export function useSaveNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: { email: boolean }) => api.notifications.saveSettings(settings),
    onSuccess: (saved) => client.setQueryData(settingsKey, saved),
  });
}
