// The directory's recursive SQL against a plain in-memory model, on random organisations: random
// trees (any depth, several roots), members in several departments with one primary, any number of
// heads per department (or none), heads who head their own primary department, disabled users.
import fc from "fast-check";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../ids";
import type { SystemTables } from "../tables";
import { testDatabases } from "../testing";
import { departmentHeads, managerChain, membersOfDepartments, userDepartments } from "./directory";

interface Org {
  /** parents[i] is the index of department i's parent (always < i), or null. */
  parents: (number | null)[];
  users: { disabled: boolean; memberships: { dept: number; head: boolean }[]; primary: number }[];
}

const orgArbitrary: fc.Arbitrary<Org> = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    parents: fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        i === 0 ? fc.constant(null) : fc.option(fc.nat(i - 1), { freq: 4 }),
      ),
    ),
    users: fc.array(
      fc.record({
        disabled: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
        memberships: fc.uniqueArray(fc.record({ dept: fc.nat(n - 1), head: fc.boolean() }), {
          selector: (m) => m.dept,
          maxLength: 3,
        }),
        primary: fc.nat(2),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  }),
);

/** The model: what each directory function must answer, computed the obvious way. */
function model(org: Org, deptIds: string[], userIds: string[]) {
  const active = (u: number) => !org.users[u]!.disabled;
  const primaryOf = (u: number) => {
    const ms = org.users[u]!.memberships;
    return ms.length ? ms[org.users[u]!.primary % ms.length]!.dept : null;
  };
  const ancestors = (d: number | null): number[] => {
    const out: number[] = [];
    for (let at = d; at !== null; at = org.parents[at] ?? null) out.push(at);
    return out;
  };
  const descendants = (d: number): number[] => [
    d,
    ...org.parents.flatMap((p, i) => (p === d ? descendants(i) : [])),
  ];
  const sortIds = (ids: string[]) => [...new Set(ids)].sort();
  const headsOf = (d: number, except?: number) =>
    sortIds(
      org.users.flatMap((user, u) =>
        user.memberships.some((m) => m.dept === d && m.head) && active(u) && u !== except
          ? [userIds[u]!]
          : [],
      ),
    );
  return {
    departmentHeads: (u: number, level: number) => {
      const d = ancestors(primaryOf(u))[level - 1];
      return d === undefined ? [] : headsOf(d);
    },
    managerChain: (u: number, upTo: number) => {
      const primary = primaryOf(u);
      if (primary === null) return [];
      const headsPrimary = org.users[u]!.memberships.some((m) => m.dept === primary && m.head);
      const start = headsPrimary ? (org.parents[primary] ?? null) : primary;
      return ancestors(start)
        .slice(0, upTo)
        .map((d, i) => ({ level: i + 1, departmentId: deptIds[d]!, userIds: headsOf(d, u) }))
        .filter((level) => level.userIds.length > 0);
    },
    membersOfDepartments: (ds: number[], sub: boolean) => {
      const scope = new Set(ds.flatMap((d) => (sub ? descendants(d) : [d])));
      return sortIds(
        org.users.flatMap((user, u) =>
          active(u) && user.memberships.some((m) => scope.has(m.dept)) ? [userIds[u]!] : [],
        ),
      );
    },
    userDepartments: (u: number, sub: boolean) => ({
      primary: primaryOf(u) === null ? undefined : deptIds[primaryOf(u)!],
      all: new Set(
        org.users[u]!.memberships.flatMap((m) => (sub ? descendants(m.dept) : [m.dept])).map(
          (d) => deptIds[d],
        ),
      ),
    }),
  };
}

describe.each(testDatabases())("directory = model on random organisations ($name)", ({ create }) => {
  let db: Kysely<SystemTables>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await create());
  });
  afterAll(() => close());

  async function load(org: Org): Promise<{ deptIds: string[]; userIds: string[] }> {
    const deptIds = org.parents.map(() => newId());
    const userIds = org.users.map(() => newId());
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom("department_members").execute();
      await trx.deleteFrom("departments").execute();
      await trx.deleteFrom("users").execute();
      await trx
        .insertInto("departments")
        .values(
          org.parents.map((p, i) => ({
            id: deptIds[i]!,
            parent_id: p === null ? null : deptIds[p]!,
            name: `d${i}`,
          })),
        )
        .execute();
      await trx
        .insertInto("users")
        .values(
          org.users.map((u, i) => ({
            id: userIds[i]!,
            email: `u${i}@example.com`,
            name: `u${i}`,
            password_hash: "x",
            disabled: u.disabled,
          })),
        )
        .execute();
      const rows = org.users.flatMap((u, i) =>
        u.memberships.map((m, k) => ({
          department_id: deptIds[m.dept]!,
          user_id: userIds[i]!,
          is_head: m.head,
          is_primary: k === u.primary % u.memberships.length,
        })),
      );
      if (rows.length) await trx.insertInto("department_members").values(rows).execute();
    });
    return { deptIds, userIds };
  }

  it("departmentHeads, managerChain, membersOfDepartments and userDepartments agree with the model", async () => {
    await fc.assert(
      fc.asyncProperty(
        orgArbitrary,
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        async (org, levels, sub) => {
          const { deptIds, userIds } = await load(org);
          const expected = model(org, deptIds, userIds);
          for (const [u, id] of userIds.entries()) {
            expect(await departmentHeads(db, id, levels)).toEqual(expected.departmentHeads(u, levels));
            expect(await managerChain(db, id, levels)).toEqual(expected.managerChain(u, levels));
            const departments = await userDepartments(db, id, sub);
            const want = expected.userDepartments(u, sub);
            expect(new Set(departments)).toEqual(want.all);
            expect(departments).toHaveLength(want.all.size);
            if (want.primary) expect(departments[0]).toBe(want.primary);
          }
          const picked = deptIds.filter((_, i) => i % 2 === 0);
          expect(await membersOfDepartments(db, picked, sub)).toEqual(
            expected.membersOfDepartments(
              picked.map((id) => deptIds.indexOf(id)),
              sub,
            ),
          );
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);
});
