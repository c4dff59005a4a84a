import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { type Box, tasksApi } from "./api";

export const taskKeys = {
  all: ["tasks"] as const,
  inbox: (box: Box, q: string) => ["tasks", "inbox", box, q] as const,
  counts: ["tasks", "inbox", "todo", ""] as const,
  task: (id: string) => ["tasks", "task", id] as const,
  recordFlow: (formId: string, recordId: string) => ["tasks", "record-flow", formId, recordId] as const,
};

/** One box, page by page (the server pages with a cursor, newest first). */
export function useInbox(box: Box, q: string) {
  return useInfiniteQuery({
    queryKey: taskKeys.inbox(box, q),
    queryFn: ({ pageParam }) =>
      tasksApi.inbox(box, { q, limit: 30, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The boxes' counts for the header link: the to-do box's first page carries them. */
export function useInboxCounts() {
  return useQuery({
    queryKey: [...taskKeys.counts, "counts"],
    queryFn: async () => (await tasksApi.inbox("todo", { limit: 1 })).counts,
    // Realtime "tasks" hints refetch it when a flow moves; the slow poll is the fallback.
    refetchInterval: 5 * 60_000,
    staleTime: 15_000,
  });
}

export function useInvalidateTasks() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: taskKeys.all });
}
