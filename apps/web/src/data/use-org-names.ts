// The names of the members and departments on the shown records: members in one batched
// `GET /api/org/members?ids=…` per page (cached by the page's ids; a drawer opened from the page finds
// them already cached), departments from the cached department list.

import type { FormRecord } from "@formwork/client";
import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { chunks, collectOrgIds, type OrgNames } from "./org-names";
import type { GridColumn } from "./record-columns";

const MEMBER_BATCH = 200;
const STALE_MS = 5 * 60_000;
const memberKey = (ids: readonly string[]) => ["org", "member-names", ids] as const;

/** Names already fetched for an earlier set of ids, when they cover all of `ids`. */
function cachedNames(client: QueryClient, ids: readonly string[]): Map<string, string> | undefined {
  const known = new Map<string, string>();
  for (const [, data] of client.getQueriesData<Map<string, string>>({ queryKey: ["org", "member-names"] })) {
    for (const [id, name] of data ?? []) known.set(id, name);
  }
  return ids.every((id) => known.has(id)) ? known : undefined;
}

export function useOrgNames(records: readonly FormRecord[], columns: readonly GridColumn[]): OrgNames {
  const { t } = useTranslation();
  const client = useQueryClient();
  const ids = useMemo(() => collectOrgIds(records, columns), [records, columns]);
  const members = useQuery({
    queryKey: memberKey(ids.member),
    enabled: ids.member.length > 0,
    staleTime: STALE_MS,
    initialData: () => cachedNames(client, ids.member),
    queryFn: async () => {
      const pages = await Promise.all(
        chunks(ids.member, MEMBER_BATCH).map((batch) =>
          api.org.members.list({ ids: batch, limit: batch.length }),
        ),
      );
      return new Map(pages.flatMap((page) => page.members.map((m) => [m.id, m.name] as const)));
    },
  });
  const departments = useQuery({
    queryKey: ["org", "departments"],
    enabled: ids.department.length > 0,
    staleTime: STALE_MS,
    queryFn: () => api.org.departments.list(),
  });
  const departmentNames = useMemo(
    () => (departments.data ? new Map(departments.data.map((d) => [d.id, d.name])) : undefined),
    [departments.data],
  );
  return {
    ...(members.data ? { member: members.data } : members.isPending ? { member: "loading" } : {}),
    ...(departmentNames
      ? { department: departmentNames }
      : departments.isPending
        ? { department: "loading" }
        : {}),
    missing: { member: t("orgNames.formerMember"), department: t("orgNames.deletedDepartment") },
    loading: t("orgNames.loading"),
  };
}
