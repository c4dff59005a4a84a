// POST /api/forms/:form/aggregate: the request checked against the caller's scope (a group, measure or
// filter on a hidden field is FORBIDDEN_FIELD, never ignored), then one GROUP BY in the db package with
// the filter AND the caller's view predicate. A sub-form's fields are visible when the sub-form is.
import {
  type AggregateQuery,
  type AggregateResult,
  aggregateRecords,
  type PublishedForm,
} from "@formwork/db";
import { isValidTimeZone } from "@formwork/expressions";
import { FormworkError } from "@formwork/schema";
import { type SqlBool, sql } from "kysely";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import { forbiddenField, requireAction } from "../permissions/enforce";
import { recordScope } from "../permissions/scope";
import { compileRecordFilter } from "../records/record-filter";
import { type FormByKey, type LinkedUse, linkedSources } from "./linked";

export interface AggregateBody {
  groupBy?: AggregateQuery["groupBy"];
  measures: AggregateQuery["measures"];
  filter?: unknown;
  sort?: AggregateQuery["sort"];
  limit?: number;
  source?: { subform: string };
  timeZone?: string;
  totals?: boolean;
  /** Dates [from, to], or the last `days` days up to today in the zone. */
  compare?: { field: string; from?: string; to?: string; days?: number };
}

/** The compared window: as given, or the last `days` days ending today in `timeZone`. */
function compareWindow(
  compare: NonNullable<AggregateBody["compare"]>,
  timeZone: string,
): AggregateQuery["compare"] {
  if (compare.from !== undefined && compare.to !== undefined)
    return { field: compare.field, from: compare.from, to: compare.to };
  if (compare.days === undefined) {
    throw new FormworkError("BAD_REQUEST", "Name the window: from and to, or days", [
      { path: "/compare", message: "from and to, or days" },
    ]);
  }
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - (compare.days - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return { field: compare.field, from, to: today };
}

export async function aggregate(
  db: Db,
  principal: Principal,
  form: PublishedForm,
  body: AggregateBody,
  defaultZone: string,
  formByKey: FormByKey,
): Promise<AggregateResult> {
  const timeZone = body.timeZone ?? defaultZone;
  if (!isValidTimeZone(timeZone)) {
    throw new FormworkError("BAD_REQUEST", `Unknown time zone "${timeZone}"`, [
      { path: "/timeZone", message: "not an IANA time zone" },
    ]);
  }
  const scope = await recordScope(db, principal, form, timeZone);
  requireAction(scope, "view");
  const hidden = new Set(scope.hiddenFields);
  const subform = body.source?.subform;
  // Inside a sub-form every name is the sub-form's own; its visibility is the sub-form field's.
  if (subform !== undefined && hidden.has(subform)) throw forbiddenField("/source/subform", subform);
  const groupBy = body.groupBy ?? [];
  // A linked name is checked against the linked form's rights (linked.ts); its link field against these.
  const own = (name: string | undefined, via: string | undefined) => (via ?? name) as string | undefined;
  if (subform === undefined) {
    groupBy.forEach((g, i) => {
      const name = own(g.field, g.via);
      if (name !== undefined && hidden.has(name))
        throw forbiddenField(`/groupBy/${i}/${g.via ? "via" : "field"}`, name);
    });
    body.measures.forEach((m, i) => {
      const name = own(m.field, m.via);
      if (name !== undefined && hidden.has(name))
        throw forbiddenField(`/measures/${i}/${m.via ? "via" : "field"}`, name);
    });
    if (body.compare && hidden.has(body.compare.field))
      throw forbiddenField("/compare/field", body.compare.field);
  }
  const uses: LinkedUse[] = [
    ...groupBy.flatMap((g, i) => (g.via ? [{ via: g.via, field: g.field, path: `/groupBy/${i}` }] : [])),
    ...body.measures.flatMap((m, i) =>
      m.via
        ? [{ via: m.via, ...(m.field !== undefined ? { field: m.field } : {}), path: `/measures/${i}` }]
        : [],
    ),
  ];
  const links = await linkedSources(db, principal, form, subform, uses, formByKey, timeZone);
  const filter =
    body.filter === undefined || body.filter === null
      ? undefined
      : compileRecordFilter(form, body.filter, principal, timeZone, "/filter", {
          forbidden: scope.hiddenFields,
          params: scope.params,
        });
  const access = scope.where("view");
  const combined =
    filter && access ? sql<SqlBool>`(${filter}) AND (${access})` : (filter ?? access ?? undefined);
  return aggregateRecords(db, form, {
    groupBy,
    measures: body.measures,
    ...(body.sort ? { sort: body.sort } : {}),
    ...(body.limit !== undefined ? { limit: body.limit } : {}),
    ...(subform !== undefined ? { subform } : {}),
    ...(combined ? { filter: combined } : {}),
    ...(body.totals ? { totals: true } : {}),
    ...(body.compare ? { compare: compareWindow(body.compare, timeZone) } : {}),
    links,
    timeZone,
  });
}
