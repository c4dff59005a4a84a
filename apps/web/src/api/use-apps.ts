import type { AppPatch, NewApp } from "@formwork/client";
import type { FormDefinition } from "@formwork/schema";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { queryKeys } from "./query-keys";

export function useApps() {
  return useQuery({ queryKey: queryKeys.apps, queryFn: () => api.apps.list() });
}

/** One app with the summaries of its forms (the workspace menu). */
export function useApp(appId: string) {
  return useQuery({ queryKey: queryKeys.app(appId), queryFn: () => api.apps.get(appId) });
}

export function useCreateApp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (app: NewApp) => api.apps.create(app),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apps, exact: true }),
  });
}

export function useCreateForm(appId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (definition: FormDefinition) => api.forms.create(appId, definition),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.app(appId) }),
  });
}

export function useUpdateApp(appId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: AppPatch) => api.apps.update(appId, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apps }),
  });
}

/** Deleting hides the app and its forms; the data is kept for an administrator to restore. */
export function useDeleteApp(appId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.apps.remove(appId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apps, exact: true }),
  });
}
