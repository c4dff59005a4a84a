// The app's webhook subscriptions and their delivery log through the API client. Every change refetches
// the list; the log refetches every few seconds while a delivery is still pending.
import type { WebhookInput } from "@formwork/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";

const listKey = (appId: string) => ["webhooks", appId];
const logKey = (appId: string, id: string) => ["webhooks", appId, id, "deliveries"];

export function useWebhooks(appId: string) {
  return useQuery({ queryKey: listKey(appId), queryFn: () => api.webhooks.list(appId) });
}

function useListMutation<Args>(appId: string, run: (args: Args) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: listKey(appId) }),
  });
}

export function useCreateWebhook(appId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: WebhookInput) => api.webhooks.create(appId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: listKey(appId) }),
  });
}

export function useUpdateWebhook(appId: string) {
  return useListMutation(appId, ({ id, changes }: { id: string; changes: Partial<WebhookInput> }) =>
    api.webhooks.update(appId, id, changes),
  );
}

export function useDeleteWebhook(appId: string) {
  return useListMutation(appId, (id: string) => api.webhooks.remove(appId, id));
}

export function useRotateSecret(appId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.webhooks.rotateSecret(appId, id),
    onSuccess: () => client.invalidateQueries({ queryKey: listKey(appId) }),
  });
}

export function useDeliveries(appId: string, id: string) {
  return useQuery({
    queryKey: logKey(appId, id),
    queryFn: () => api.webhooks.deliveries(appId, id, { limit: 50 }),
    refetchInterval: (query) =>
      query.state.data?.deliveries.some((d) => d.status === "pending") ? 2000 : false,
  });
}

export function useDeliveryDetail(appId: string, id: string, deliveryId: string | undefined) {
  return useQuery({
    queryKey: [...logKey(appId, id), deliveryId],
    queryFn: () => api.webhooks.delivery(appId, id, deliveryId!),
    enabled: deliveryId !== undefined,
  });
}

export function useSendTest(appId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.webhooks.sendTest(appId, id),
    onSuccess: () => client.invalidateQueries({ queryKey: logKey(appId, id) }),
  });
}

export function useRedeliver(appId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => api.webhooks.redeliver(appId, id, deliveryId),
    onSuccess: () => client.invalidateQueries({ queryKey: logKey(appId, id) }),
  });
}
