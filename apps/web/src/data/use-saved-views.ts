import type { SavedView, ViewInput, ViewList } from "@formwork/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";

export const viewKeys = {
  list: (formId: string) => ["forms", formId, "views"] as const,
};

/** The form's saved views the user can see, and whether they may share views. */
export function useSavedViews(formId: string) {
  return useQuery({
    queryKey: viewKeys.list(formId),
    queryFn: () => api.views.list(formId),
    // A new view's indexes are built after it is saved: look again until they are ready.
    refetchInterval: (query) =>
      (query.state.data as ViewList | undefined)?.views.some((v) =>
        v.indexes.some((i) => i.status === "pending" || i.status === "building"),
      )
        ? 3000
        : false,
  });
}

export type ViewChange =
  | { kind: "create"; input: ViewInput }
  | { kind: "update"; view: SavedView; patch: Partial<ViewInput> }
  | { kind: "delete"; view: SavedView };

/** Creates, changes or deletes a view; the list is refreshed afterwards either way. */
export function useChangeView(formId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: ViewChange): Promise<SavedView | null> => {
      switch (change.kind) {
        case "create":
          return api.views.create(formId, change.input);
        case "update":
          return api.views.update(change.view.id, change.patch, change.view.version);
        case "delete":
          await api.views.remove(change.view.id);
          return null;
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: viewKeys.list(formId) }),
  });
}
