// Member writes: creation (with a password, or invited), updates, disabling. Each runs in the
// transaction it is given; the routes add the audit event to the same transaction.
import {
  getMember,
  type MemberRow,
  newId,
  setUserDepartments,
  setUserRoles,
  UniqueViolationError,
} from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import { sql } from "kysely";
import type { Db } from "../../database";
import { deleteUserSessions, iso } from "../auth/credentials-store";
import { normalizeEmail } from "../users/users-store";

export interface MemberInput {
  email: string;
  name: string;
  /** A scrypt hash: hashed before the transaction. Absent: the member is invited. */
  passwordHash?: string;
  isAdmin?: boolean;
  departmentIds?: string[];
  primaryDepartmentId?: string;
  roleIds?: string[];
}

export interface MemberUpdate {
  email?: string;
  name?: string;
  isAdmin?: boolean;
  departmentIds?: string[];
  primaryDepartmentId?: string;
  roleIds?: string[];
}

/** The admin's view of a member. */
export function toMemberView(row: MemberRow) {
  return { ...row, createdAt: iso(row.createdAt) };
}

/** What any member may see of another: enough for a picker. */
export function toDirectoryEntry(row: MemberRow) {
  return {
    id: row.id,
    name: row.name,
    departments: row.departments.map(({ id, name, primary }) => ({ id, name, primary })),
  };
}

async function emailMustBeFree<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueViolationError && error.constraint === "users_email_uq") {
      throw new FormworkError("CONFLICT", "A member with this email already exists", [
        { path: "/email", message: "already taken" },
      ]);
    }
    throw error;
  }
}

export async function createMember(
  trx: Db,
  input: MemberInput,
  unusablePasswordHash: string,
): Promise<MemberRow> {
  const id = newId();
  await emailMustBeFree(() =>
    trx
      .insertInto("users")
      .values({
        id,
        email: normalizeEmail(input.email),
        name: input.name.trim(),
        // An invited member gets a hash of a random password nobody knows: login fails for them in
        // the same time as for anyone with a wrong password.
        password_hash: input.passwordHash ?? unusablePasswordHash,
        invited: input.passwordHash === undefined,
        is_admin: input.isAdmin ?? false,
      })
      .execute(),
  );
  if (input.departmentIds) await setUserDepartments(trx, id, input.departmentIds, input.primaryDepartmentId);
  if (input.roleIds) await setUserRoles(trx, id, input.roleIds);
  return (await getMember(trx, id))!;
}

export async function updateMember(trx: Db, id: string, input: MemberUpdate): Promise<MemberRow> {
  const set = {
    ...(input.email !== undefined ? { email: normalizeEmail(input.email) } : {}),
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.isAdmin !== undefined ? { is_admin: input.isAdmin } : {}),
  };
  const updated = await emailMustBeFree(() =>
    trx
      .updateTable("users")
      .set({ ...set, updated_at: sql<Date>`now()` })
      .where("id", "=", id)
      .executeTakeFirst(),
  );
  if (Number(updated.numUpdatedRows) === 0) throw new FormworkError("NOT_FOUND", "No such member");
  if (input.departmentIds) {
    await setUserDepartments(trx, id, input.departmentIds, input.primaryDepartmentId);
  } else if (input.primaryDepartmentId !== undefined) {
    const current = await trx
      .selectFrom("department_members")
      .select("department_id")
      .where("user_id", "=", id)
      .execute();
    await setUserDepartments(
      trx,
      id,
      current.map((r) => r.department_id),
      input.primaryDepartmentId,
    );
  }
  if (input.roleIds) await setUserRoles(trx, id, input.roleIds);
  return (await getMember(trx, id))!;
}

/**
 * An admin sets a member's password (a forgotten one, or a demo account given to a real person): the
 * member has joined from now on, their other sessions end and unused invite links stop working, in the
 * transaction given. It does not enable a disabled member: that stays the admin's separate decision.
 */
export async function setMemberPassword(trx: Db, id: string, passwordHash: string): Promise<MemberRow> {
  const updated = await trx
    .updateTable("users")
    .set({ password_hash: passwordHash, invited: false, updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw new FormworkError("NOT_FOUND", "No such member");
  await deleteUserSessions(trx, id);
  await trx.deleteFrom("invites").where("user_id", "=", id).where("used_at", "is", null).execute();
  return (await getMember(trx, id))!;
}

/**
 * Disables or re-enables a member. Disabling deletes their sessions and revokes their API tokens in
 * the same transaction: the next request with either fails, whatever the caches.
 */
export async function setMemberDisabled(trx: Db, id: string, disabled: boolean): Promise<MemberRow> {
  const updated = await trx
    .updateTable("users")
    .set({ disabled, updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw new FormworkError("NOT_FOUND", "No such member");
  if (disabled) {
    await deleteUserSessions(trx, id);
    await trx
      .updateTable("api_tokens")
      .set({ revoked_at: sql<Date>`now()` })
      .where("user_id", "=", id)
      .where("revoked_at", "is", null)
      .execute();
    // Unused invite links die with the account (a re-enabled invitee gets a new link).
    await trx.deleteFrom("invites").where("user_id", "=", id).where("used_at", "is", null).execute();
  }
  return (await getMember(trx, id))!;
}
