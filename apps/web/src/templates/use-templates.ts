import type { InstallOptions } from "@formwork/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";
import { templatesApi } from "./api";

const GALLERY_KEY = ["templates"] as const;

export function useTemplates() {
  return useQuery({ queryKey: GALLERY_KEY, queryFn: () => templatesApi.list() });
}

export function useInstallTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, options }: { name: string; options: InstallOptions }) =>
      templatesApi.install(name, options),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apps, exact: true }),
  });
}

export function useImportBundle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bundle: unknown) => templatesApi.importBundle(bundle),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apps, exact: true }),
  });
}
