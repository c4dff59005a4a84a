import type { Send } from "./transport";
import type { Session } from "./types";

export interface Credentials {
  email: string;
  password: string;
}

export function authApi(send: Send) {
  return {
    /** Starts a cookie session (the server sets an httpOnly cookie). */
    login: (credentials: Credentials) =>
      send<Session>({ method: "POST", path: "/api/auth/login", body: credentials }),
    logout: () => send<void>({ method: "POST", path: "/api/auth/logout" }),
    /** The signed-in user; fails with UNAUTHENTICATED (401) when there is no session. */
    me: () => send<Session>({ method: "GET", path: "/api/me" }),
  };
}
