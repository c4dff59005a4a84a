import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import { useApp } from "../api/use-apps";

/** The form's latest published definition: what its records were checked against. */
export function usePublishedForm(appId: string, formId: string) {
  const { data: app } = useApp(appId);
  const version = app?.forms.find((f) => f.id === formId)?.publishedVersion ?? 0;
  const published = useQuery({
    queryKey: ["forms", formId, "versions", version],
    queryFn: () => api.forms.version(formId, version),
    enabled: version > 0,
    // A published version never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });
  return { app, version, published };
}
