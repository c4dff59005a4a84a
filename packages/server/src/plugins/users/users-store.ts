// Users in the database. Emails are stored lower-cased and unique; passwords only as scrypt hashes.
import { newId } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { Db } from "../../database";
import { iso } from "../auth/credentials-store";
import { hashPassword } from "../auth/password";

export interface UserView {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
  createdAt: string;
}

export interface NewUserInput {
  email: string;
  name: string;
  password: string;
  isAdmin?: boolean;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(db: Db, input: NewUserInput): Promise<UserView> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const row = await db
    .insertInto("users")
    .values({
      id: newId(),
      email,
      name: input.name.trim(),
      password_hash: passwordHash,
      is_admin: input.isAdmin ?? false,
    })
    .onConflict((oc) => oc.column("email").doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    throw new FormworkError("CONFLICT", "A user with this email already exists", [
      { path: "/email", message: "already taken" },
    ]);
  }
  return toUserView(row);
}

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", normalizeEmail(email)).executeTakeFirst();
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listUsers(db: Db, page: { limit: number; offset: number }): Promise<UserView[]> {
  const rows = await db
    .selectFrom("users")
    .selectAll()
    .orderBy("created_at")
    .orderBy("id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map(toUserView);
}

export async function hasAdmin(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where("is_admin", "=", true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function toUserView(row: {
  id: string;
  email: string;
  name: string;
  is_admin: boolean;
  disabled: boolean;
  created_at: Date;
}): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: row.is_admin,
    disabled: row.disabled,
    createdAt: iso(row.created_at),
  };
}
