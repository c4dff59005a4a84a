// Server state of one import: the preview (re-read whenever the encoding, mapping or mode changes)
// and the job, polled while it runs.
import type { ImportChoice, ImportJob } from "@formwork/client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { imports } from "./imports-client";

export function usePreview(formId: string) {
  return useMutation({ mutationFn: (choice: ImportChoice) => imports.preview(formId, choice) });
}

const RUNNING = new Set<ImportJob["status"]>(["queued", "running"]);

export function useImportJob(formId: string, jobId: string | null) {
  return useQuery({
    queryKey: ["forms", formId, "imports", jobId],
    queryFn: () => imports.get(formId, jobId ?? ""),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && !RUNNING.has(query.state.data.status) ? false : 1000),
  });
}

export const isRunning = (job: ImportJob | undefined) => job !== undefined && RUNNING.has(job.status);
