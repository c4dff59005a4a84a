// Names for the ids assignees carry, from the organisation directory (/api/org): members,
// departments and roles (flattened out of their groups).
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { api } from "../../api/client";

export interface DirectoryEntry {
  id: string;
  name: string;
}

export interface Directory {
  users: DirectoryEntry[];
  roles: DirectoryEntry[];
  departments: DirectoryEntry[];
}

const EMPTY: DirectoryEntry[] = [];

export function useDirectory(): Directory {
  const users = useQuery({
    queryKey: ["directory", "members"],
    queryFn: async () => (await api.org.members.list({ limit: 200 })).members,
    staleTime: 60_000,
  });
  const roles = useQuery({
    queryKey: ["directory", "roles"],
    queryFn: async () => (await api.org.roles.groups()).flatMap((g) => g.roles),
    staleTime: 60_000,
  });
  const departments = useQuery({
    queryKey: ["directory", "departments"],
    queryFn: () => api.org.departments.list(),
    staleTime: 60_000,
  });
  // One object per change of the lists, so cards and summaries built from it are not rebuilt each render.
  return useMemo(
    () => ({
      users: users.data ?? EMPTY,
      roles: roles.data ?? EMPTY,
      departments: departments.data ?? EMPTY,
    }),
    [users.data, roles.data, departments.data],
  );
}

export function nameOf(list: DirectoryEntry[], id: string): string {
  return list.find((e) => e.id === id)?.name ?? id;
}
