import type { FormRecord, RecordQuery } from "@formwork/client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";

// Everything about one form's records lives under this prefix, so a write refreshes every page of it.
export const recordKeys = {
  all: (formId: string) => ["forms", formId, "records"] as const,
  page: (formId: string, query: RecordQuery) => ["forms", formId, "records", "page", query] as const,
  one: (formId: string, id: string) => ["forms", formId, "records", "one", id] as const,
  history: (formId: string, id: string) => ["forms", formId, "records", "history", id] as const,
};

/** One page of the grid; the previous page stays on screen while the next one loads. */
export function useRecordPage(formId: string, query: RecordQuery) {
  return useQuery({
    queryKey: recordKeys.page(formId, query),
    queryFn: () => api.records.query(formId, query),
    placeholderData: keepPreviousData,
  });
}

export function useRecord(formId: string, id: string | undefined, initial?: FormRecord) {
  return useQuery({
    queryKey: recordKeys.one(formId, id ?? ""),
    queryFn: () => api.records.get(formId, id ?? ""),
    enabled: !!id,
    initialData: initial,
    // The grid's copy may be a page old: show it at once, then check with the server.
    initialDataUpdatedAt: 0,
  });
}

export function useRecordHistory(formId: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: recordKeys.history(formId, id),
    queryFn: () => api.records.history(formId, id),
    enabled,
  });
}

export function useInvalidateRecords(formId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: recordKeys.all(formId) });
}

export function useUpdateRecord(formId: string) {
  const invalidate = useInvalidateRecords(formId);
  return useMutation({
    mutationFn: ({ record, data }: { record: FormRecord; data: Record<string, unknown> }) =>
      api.records.update(formId, record.id, data, record.version),
    onSettled: invalidate,
  });
}

export function useRestoreRecord(formId: string) {
  const invalidate = useInvalidateRecords(formId);
  return useMutation({
    mutationFn: (id: string) => api.records.restore(formId, id),
    onSettled: invalidate,
  });
}
