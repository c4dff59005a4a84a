// The form's public links through the API client; every change refetches the list (the server's
// answer is the truth: submissions, disabled state).
import type { PublicLinkInput } from "@formwork/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";

const key = (formId: string) => ["public-links", formId];

export function usePublicLinks(formId: string) {
  return useQuery({ queryKey: key(formId), queryFn: async () => (await api.publicLinks.list(formId)).links });
}

export function useCreateLink(formId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PublicLinkInput) => api.publicLinks.create(formId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: key(formId) }),
  });
}

export function useSetLinkDisabled(formId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, disabled }: { id: string; disabled: boolean }) =>
      api.publicLinks.setDisabled(id, disabled),
    onSuccess: () => client.invalidateQueries({ queryKey: key(formId) }),
  });
}

/** What to hand out: a fill link's page; a query link has no page of its own yet, so its API address. */
export function linkAddress(kind: "fill" | "query", token: string): string {
  const origin = window.location.origin;
  return kind === "fill" ? `${origin}/f/${token}` : `${origin}/api/public/query/${token}`;
}
