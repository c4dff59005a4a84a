// The login procedure: throttle check, constant-work password check, session rotation.
import { FormworkError } from "@formwork/schema";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { writeAudit } from "../audit/audit-store";
import { findUserByEmail, normalizeEmail, toUserView, type UserView } from "../users/users-store";
import { createSession, deleteExpiredSessions, deleteSession, type NewSession } from "./credentials-store";
import { assertNotThrottled, clearLoginFailures, recordLoginFailure } from "./login-throttle";
import { decoyHash, verifyPassword } from "./password";

export interface LoginResult {
  user: UserView;
  session: NewSession;
}

export async function login(
  db: Db,
  config: ServerConfig,
  input: { email: string; password: string; clientIp: string; previousSessionHash?: string | undefined },
): Promise<LoginResult> {
  const emailKey = `email:${normalizeEmail(input.email)}`;
  const ipKey = `ip:${input.clientIp}`;
  const { maxFailuresPerEmail, maxFailuresPerIp, windowSeconds } = config.loginThrottle;
  await assertNotThrottled(
    db,
    [
      { key: emailKey, maxFailures: maxFailuresPerEmail },
      { key: ipKey, maxFailures: maxFailuresPerIp },
    ],
    windowSeconds,
  );

  const user = await findUserByEmail(db, input.email);
  // Unknown emails cost a full hash too, so response time does not reveal which emails exist.
  const valid = await verifyPassword(input.password, user?.password_hash ?? (await decoyHash()));
  if (!user || !valid || user.disabled) {
    await recordLoginFailure(db, [emailKey, ipKey], windowSeconds);
    await writeAudit(db, {
      actorId: user?.id ?? null,
      actorLabel: normalizeEmail(input.email),
      action: "auth.login.failed",
      ip: input.clientIp,
      detail: { reason: !user ? "unknown" : user.disabled ? "disabled" : "password" },
    });
    throw new FormworkError("INVALID_CREDENTIALS", "Wrong email or password");
  }
  await clearLoginFailures(db, emailKey);
  // A session id planted before login never becomes authenticated: it is dropped and a new one issued.
  if (input.previousSessionHash) await deleteSession(db, input.previousSessionHash);
  await deleteExpiredSessions(db);
  const session = await db.transaction().execute(async (trx) => {
    const created = await createSession(trx, user.id, config.sessionTtlSeconds);
    await writeAudit(trx, {
      actorId: user.id,
      actorLabel: user.email,
      action: "auth.login",
      ip: input.clientIp,
    });
    return created;
  });
  return { user: toUserView(user), session };
}
