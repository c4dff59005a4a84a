// The first start must leave a way in: an administrator from FORMWORK_ADMIN_EMAIL/PASSWORD, or with a
// generated password printed once (it is never stored in clear, so it cannot be shown again).
import { createUser, type Db, generatePassword, hasAdmin } from "@formwork/server";

export const DEFAULT_ADMIN_EMAIL = "admin@formwork.local";

export interface BootstrapResult {
  created: boolean;
  email?: string;
  /** Present only when the password was generated: show it to the operator, once. */
  generatedPassword?: string;
}

export async function ensureAdmin(
  db: Db,
  admin: { email: string | undefined; password: string | undefined },
): Promise<BootstrapResult> {
  if (await hasAdmin(db)) return { created: false };
  const email = admin.email ?? DEFAULT_ADMIN_EMAIL;
  const generatedPassword = admin.password ? undefined : generatePassword();
  try {
    await createUser(db, {
      email,
      name: "Administrator",
      password: admin.password ?? generatedPassword!,
      isAdmin: true,
    });
  } catch (error) {
    // Another instance starting at the same moment created it first.
    if ((error as { code?: unknown }).code === "CONFLICT") return { created: false };
    throw error;
  }
  return { created: true, email, ...(generatedPassword ? { generatedPassword } : {}) };
}
