// Server state of the permissions page and of the caller's own rights on a form.
import type { PermissionSetInput } from "@formwork/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";

export const permissionKeys = {
  all: ["permissions"] as const,
  sets: (formId: string) => ["permissions", "sets", formId] as const,
  myRights: (formId: string) => ["permissions", "my-rights", formId] as const,
};

/** The caller's rights on the form (tabs, fill form); the server enforces them on every request. */
export function useMyRights(formId: string) {
  return useQuery({
    queryKey: permissionKeys.myRights(formId),
    queryFn: () => api.permissions.myRights(formId),
  });
}

export function usePermissionSets(formId: string) {
  return useQuery({ queryKey: permissionKeys.sets(formId), queryFn: () => api.permissions.list(formId) });
}

export function useSaveSet(formId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, set, version }: { id?: string; set: PermissionSetInput; version?: number }) =>
      id ? api.permissions.update(id, set, version) : api.permissions.create(formId, set),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: permissionKeys.all }),
  });
}

export function useRemoveSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.permissions.remove(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: permissionKeys.all }),
  });
}
