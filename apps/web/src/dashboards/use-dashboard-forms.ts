import type { AppWithForms } from "@formwork/client";
import type { FormDefinition } from "@formwork/schema";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { api } from "../api/client";
import type { FormsIndex } from "./widgets/WidgetCard";

/**
 * The app's published forms by key (their current versions' definitions), for widgets and the editor.
 * One query for all of them: useQueries would add its observer to the shared query vendor chunk, which
 * the fill page downloads first.
 */
export function useDashboardForms(app: AppWithForms | undefined) {
  const published = (app?.forms ?? []).filter((f) => f.publishedVersion > 0);
  const versions = useQuery({
    queryKey: ["dashboards", "forms", published.map((f) => `${f.id}@${f.publishedVersion}`)],
    // The app lists only forms the viewer holds a right on; one withdrawn since must not blank the rest.
    queryFn: () =>
      Promise.all(published.map((f) => api.forms.version(f.id, f.publishedVersion).catch(() => undefined))),
    enabled: app !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const data = versions.data;
  return useMemo(() => {
    const byKey = new Map<string, { id: string; definition: FormDefinition }>();
    (data ?? []).forEach((version, i) => {
      const summary = published[i];
      if (summary && version) byKey.set(summary.key, { id: summary.id, definition: version.definition });
    });
    const forms: FormsIndex = { definition: (k) => byKey.get(k)?.definition, id: (k) => byKey.get(k)?.id };
    return { forms, list: [...byKey.entries()], ready: versions.isSuccess };
    // `published` comes from the same app summary as `data`'s query key: `data` changes when it does.
  }, [data, versions.isSuccess]);
}
