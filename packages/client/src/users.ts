import type { Send } from "./transport";
import type { NewUser, User } from "./types";

export interface Page {
  limit?: number;
  offset?: number;
}

/** Accounts: administrators create them; member pickers list them. */
export function usersApi(send: Send) {
  return {
    list: async (page: Page = {}) =>
      (await send<{ users: User[] }>({ method: "GET", path: "/api/users", query: { ...page } })).users,
    create: (user: NewUser) => send<User>({ method: "POST", path: "/api/users", body: user }),
  };
}
