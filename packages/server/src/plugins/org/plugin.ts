// The organisation API: members (directory, create, invite, disable), departments (tree, heads,
// members), role groups and roles. Reads are open to every signed-in member — pickers need names and
// departments — while writes are for administrators (issue 6's app admins come later).
import type { FastifyPluginAsync } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { departmentsRoutes } from "./departments-routes";
import type { OrgHooks } from "./hooks";
import { invitesRoutes } from "./invites-routes";
import { membersRoutes } from "./members-routes";
import { rolesRoutes } from "./roles-routes";

export type { OrgAuditEvent, OrgHooks } from "./hooks";

export const orgPlugin: FastifyPluginAsync<{ db: Db; config: ServerConfig; hooks?: OrgHooks }> = async (
  app,
  { db, config, hooks: given = {} },
) => {
  const hooks: OrgHooks = {
    ...given,
    committed(event) {
      app.credentialCache.forgetAccess();
      given.committed?.(event);
    },
  };
  await app.register(membersRoutes, { db, hooks });
  await app.register(invitesRoutes, { db, config, hooks });
  await app.register(departmentsRoutes, { db, hooks });
  await app.register(rolesRoutes, { db, hooks });
};
