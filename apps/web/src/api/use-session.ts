import type { Credentials, Session } from "@formwork/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { queryKeys } from "./query-keys";

export function useSession() {
  return useQuery({ queryKey: queryKeys.session, queryFn: () => api.auth.me() });
}

/** The signed-in user; only for components rendered below RequireSession, which waits for it. */
export function useCurrentUser() {
  const { data } = useSession();
  if (!data) throw new Error("useCurrentUser is used outside RequireSession");
  return data.user;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => api.auth.login(credentials),
    onSuccess: (session: Session) => queryClient.setQueryData(queryKeys.session, session),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.auth.logout(),
    // Whatever was cached belongs to the user who just left.
    onSettled: () => queryClient.clear(),
  });
}
