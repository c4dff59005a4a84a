import type { AggregateRequest } from "@formwork/client";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";

/** One widget's aggregate; the previous answer stays on screen while a new filter loads. */
export function useAggregate(formId: string | undefined, request: AggregateRequest, enabled = true) {
  return useQuery({
    queryKey: ["dashboards", "aggregate", formId, request],
    queryFn: () => api.analytics.aggregate(formId!, request),
    enabled: enabled && formId !== undefined,
    placeholderData: (previous) => previous,
    staleTime: 30_000,
  });
}
