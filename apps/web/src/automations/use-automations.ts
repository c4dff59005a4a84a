// Automations of an app through the API client, and the published definitions of the app's forms the
// editor offers (trigger form, target forms, their fields). Every change refetches the list.
import type { AutomationInput } from "@formwork/client";
import type { FormDefinition } from "@formwork/schema";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import { useApp } from "../api/use-apps";

const listKey = (appId: string) => ["automations", appId];

export function useAutomations(appId: string) {
  return useQuery({
    queryKey: listKey(appId),
    queryFn: async () => (await api.automations.list(appId)).automations,
  });
}

export function useSaveAutomation(appId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: AutomationInput }) =>
      id ? api.automations.update(appId, id, input) : api.automations.create(appId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: listKey(appId) }),
  });
}

export function useDeleteAutomation(appId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.automations.remove(appId, id),
    onSuccess: () => client.invalidateQueries({ queryKey: listKey(appId) }),
  });
}

export function useRuns(appId: string, id: string) {
  return useQuery({
    queryKey: ["automations", appId, id, "runs"],
    queryFn: () => api.automations.runs(appId, id, { limit: 50 }),
  });
}

export function useRetryRun(appId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) => api.automations.retry(appId, id, runId),
    onSuccess: () => client.invalidateQueries({ queryKey: ["automations", appId, id, "runs"] }),
  });
}

export interface AppForm {
  id: string;
  key: string;
  definition: FormDefinition;
}

/** The app's published forms with their definitions (a published version never changes: cached for good). */
export function useAppForms(appId: string): { forms: AppForm[]; loading: boolean } {
  const { data: app } = useApp(appId);
  const published = (app?.forms ?? []).filter((f) => f.publishedVersion > 0);
  // One query for all of them (useQueries would grow the shared query chunk every page loads).
  const versions = published.map((f) => `${f.id}@${f.publishedVersion}`);
  const definitions = useQuery({
    queryKey: ["automations", appId, "forms", versions],
    queryFn: () =>
      Promise.all(
        published.map(async (f) => ({
          id: f.id,
          key: f.key,
          definition: (await api.forms.version(f.id, f.publishedVersion)).definition,
        })),
      ),
    enabled: app !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return { forms: definitions.data ?? [], loading: !definitions.data };
}
