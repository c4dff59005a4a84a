// The fields a filter control of each kind can filter: these field types, or the record's system field.
import type { FilterControlKind } from "@formwork/schema";

export const FITS: Record<FilterControlKind, { types: string[]; system: string }> = {
  dateRange: { types: ["date", "datetime"], system: "$createdAt" },
  department: { types: ["department", "departments"], system: "$deptId" },
  member: { types: ["member", "members"], system: "$createdBy" },
};
