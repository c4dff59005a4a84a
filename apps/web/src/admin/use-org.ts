// Server state of the organisation pages. Every change invalidates the whole "org" cache: members,
// departments and roles show each other's counts and names, and the lists are small.
import type { MemberQuery } from "@formwork/client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";

export const orgKeys = {
  all: ["org"] as const,
  members: (query: MemberQuery) => ["org", "members", query] as const,
  departments: ["org", "departments"] as const,
  roleGroups: ["org", "role-groups"] as const,
};

export function useMembers(query: MemberQuery) {
  return useQuery({
    queryKey: orgKeys.members(query),
    queryFn: () => api.org.members.list(query),
    placeholderData: keepPreviousData,
  });
}

export function useDepartments() {
  return useQuery({ queryKey: orgKeys.departments, queryFn: () => api.org.departments.list() });
}

export function useRoleGroups() {
  return useQuery({ queryKey: orgKeys.roleGroups, queryFn: () => api.org.roles.groups() });
}

/** A mutation that refreshes the organisation's cached lists when it succeeds. */
export function useOrgMutation<A, R>(run: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}
