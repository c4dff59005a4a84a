// The member directory: users with their departments and roles, searched, filtered and paged in SQL.
import { sql } from "kysely";
import { isId } from "../ids";
import { type Db, likePattern } from "./shared";

export type MemberStatus = "active" | "invited" | "disabled";

export interface MemberDepartment {
  id: string;
  name: string;
  primary: boolean;
  head: boolean;
}

export interface MemberRow {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  status: MemberStatus;
  /** Primary first, then by name. */
  departments: MemberDepartment[];
  roleIds: string[];
  createdAt: Date;
}

export interface MemberQuery {
  /** Substring of the name or email (case-insensitive). */
  q?: string;
  /** Members of any of these departments. */
  departmentIds?: readonly string[];
  /** With departmentIds: members of their sub-departments too. */
  includeSub?: boolean;
  roleId?: string;
  /** Only these statuses; all when omitted. */
  statuses?: readonly MemberStatus[];
  /** Only these users (e.g. to show the names of a field's chosen members). */
  ids?: readonly string[];
  limit: number;
  offset: number;
}

const statusSql = sql<MemberStatus>`CASE WHEN u.disabled THEN 'disabled' WHEN u.invited THEN 'invited' ELSE 'active' END`;

/** One page of members by name, and how many match in all. */
export async function listMembers(
  db: Db,
  query: MemberQuery,
): Promise<{ members: MemberRow[]; total: number }> {
  const conditions = [sql`true`];
  const q = query.q?.trim();
  if (q) conditions.push(sql`(u.name || ' ' || u.email) ILIKE ${likePattern(q)}`);
  if (query.statuses) conditions.push(sql`${statusSql} = ANY(${[...query.statuses]}::text[])`);
  if (query.ids) conditions.push(sql`u.id = ANY(${query.ids.filter(isId)}::uuid[])`);
  if (query.roleId !== undefined) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role_id = ${isId(query.roleId) ? query.roleId : null}::uuid)`,
    );
  }
  if (query.departmentIds !== undefined) {
    const ids = query.departmentIds.filter(isId);
    conditions.push(sql`EXISTS (
      WITH RECURSIVE scope(id) AS (
        SELECT id FROM departments WHERE id = ANY(${ids}::uuid[])
        UNION
        SELECT c.id FROM departments c JOIN scope s ON c.parent_id = s.id WHERE ${query.includeSub === true}
      )
      SELECT 1 FROM department_members m JOIN scope s ON s.id = m.department_id WHERE m.user_id = u.id)`);
  }
  const { rows } = await sql<{
    id: string;
    email: string;
    name: string;
    is_admin: boolean;
    status: MemberStatus;
    departments: MemberDepartment[];
    role_ids: string[];
    created_at: Date;
    total: number;
  }>`
    SELECT u.id, u.email, u.name, u.is_admin, ${statusSql} AS status, u.created_at,
      coalesce((SELECT json_agg(json_build_object('id', d.id, 'name', d.name, 'primary', m.is_primary,
                  'head', m.is_head) ORDER BY m.is_primary DESC, d.name, d.id)
                FROM department_members m JOIN departments d ON d.id = m.department_id
                WHERE m.user_id = u.id), '[]') AS departments,
      coalesce((SELECT array_agg(r.role_id ORDER BY r.role_id) FROM user_roles r WHERE r.user_id = u.id),
               '{}') AS role_ids,
      count(*) OVER () AS total
    FROM users u
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY u.name, u.id
    LIMIT ${query.limit} OFFSET ${query.offset}`.execute(db);
  const total = rows[0] ? Number(rows[0].total) : query.offset > 0 ? await countMembers(db, conditions) : 0;
  return {
    total,
    members: rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      isAdmin: r.is_admin,
      status: r.status,
      departments: r.departments,
      roleIds: r.role_ids,
      createdAt: r.created_at,
    })),
  };
}

// A page past the end has no row to carry the window count: counted on its own then.
async function countMembers(db: Db, conditions: ReturnType<typeof sql>[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM users u WHERE ${sql.join(conditions, sql` AND `)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function getMember(db: Db, id: string): Promise<MemberRow | null> {
  if (!isId(id)) return null;
  const { members } = await listMembers(db, { ids: [id], limit: 1, offset: 0 });
  return members[0] ?? null;
}
