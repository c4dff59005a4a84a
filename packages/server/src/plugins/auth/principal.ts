// Who is making the request, and how they proved it.
import type { TokenScope } from "./token-scope";

export interface Principal {
  userId: string;
  email: string;
  name: string;
  isAdmin: boolean;
  via: "session" | "token";
  /** The hashed session id (cookie auth) or the API token's id (bearer auth). */
  credentialId: string;
  /** Double-submit CSRF token of the session (cookie auth only). */
  csrfToken?: string;
  /** What the API token may do (bearer auth only). */
  tokenScope?: TokenScope;
}

/** "appAdmin": system admins and the admins of the app the route's :app or :form belongs to. */
export type AccessLevel = "public" | "user" | "appAdmin" | "admin";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route; "user" when omitted inside the API scope. */
    auth?: AccessLevel;
  }
}
