// Member and department dimensions group by ids: a ranking of "01a2…" is no ranking. Their names are
// looked up the way the grid's are (one batched request for the ids on screen, cached), and the widget's
// labeller answers names for those keys.
import type { FormRecord } from "@formwork/client";
import type { FieldDefinition, WidgetDimension } from "@formwork/schema";
import { useMemo } from "react";
import { type OrgKind, orgKindOf } from "../../data/org-names";
import type { GridColumn } from "../../data/record-columns";
import { useOrgNames } from "../../data/use-org-names";
import type { Row } from "../charts/chart-option";
import type { Labeller } from "../model/labels";

const SYSTEM_KINDS: Record<string, OrgKind> = {
  $createdBy: "member",
  $ownerId: "member",
  $deptId: "department",
};

function kindOf(labels: Labeller, dimension: WidgetDimension | undefined): OrgKind | null {
  if (!dimension || dimension.bucket) return null;
  return SYSTEM_KINDS[dimension.field] ?? orgKindOf(labels.definition(dimension.field, dimension.via));
}

export function useOrgKeyNames(
  labels: Labeller,
  dims: readonly WidgetDimension[],
  rows: readonly Row[],
): Labeller {
  // The group keys g0, g1, … as the columns of pseudo-records, so the grid's look-up serves unchanged.
  const columns = useMemo(
    () =>
      dims.flatMap((dimension, i) => {
        const kind = kindOf(labels, dimension);
        return kind ? [{ id: `g${i}`, field: { type: kind } as FieldDefinition } as GridColumn] : [];
      }),
    [dims, labels],
  );
  const records = useMemo(() => rows.map((row) => ({ data: row }) as unknown as FormRecord), [rows]);
  const names = useOrgNames(records, columns);
  return useMemo(() => {
    if (columns.length === 0) return labels;
    return {
      ...labels,
      key: (dimension, value) => {
        const kind = kindOf(labels, dimension);
        const known = kind ? names[kind] : undefined;
        if (kind && typeof value === "string" && value !== "" && known !== undefined) {
          if (known === "loading") return names.loading;
          return known.get(value) ?? names.missing[kind];
        }
        return labels.key(dimension, value);
      },
    };
  }, [columns.length, labels, names]);
}
