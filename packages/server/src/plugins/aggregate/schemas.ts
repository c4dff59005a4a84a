// The aggregate request and response shapes; limits are the db's (MAX_AGGREGATE_ROWS).
import { AGGREGATE_OPS, DATE_BUCKETS, MAX_AGGREGATE_ROWS } from "@formwork/db";
import { MAX_FILTER_LENGTH } from "../records/query-params";

const NAME = { type: "string", minLength: 1, maxLength: 100 } as const;

export const aggregateBody = {
  type: "object",
  additionalProperties: false,
  required: ["measures"],
  properties: {
    groupBy: {
      type: "array",
      maxItems: 4,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["field"],
        properties: {
          field: NAME,
          bucket: { type: "string", enum: [...DATE_BUCKETS] },
          via: { ...NAME, description: "a link field: `field` is then a field of the linked form" },
        },
      },
    },
    measures: {
      type: "array",
      minItems: 1,
      maxItems: 20,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["op"],
        properties: { op: { type: "string", enum: [...AGGREGATE_OPS] }, field: NAME, via: NAME },
      },
    },
    filter: { description: "json-logic over the records' field ids, as the records list takes it" },
    sort: {
      type: "array",
      maxItems: 8,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["by"],
        properties: {
          by: {
            type: "string",
            pattern: "^[gmp][0-9]{1,2}$",
            description: "`g<i>` a group, `m<i>` a measure, `p<i>` its previous window",
          },
          direction: { type: "string", enum: ["asc", "desc"] },
        },
      },
    },
    limit: { type: "integer", minimum: 1, maximum: MAX_AGGREGATE_ROWS },
    source: {
      type: "object",
      additionalProperties: false,
      required: ["subform"],
      properties: { subform: NAME },
    },
    timeZone: { type: "string", maxLength: 64, description: "IANA zone date buckets are cut in" },
    totals: { type: "boolean", description: "subtotals and the grand total (rows with `t<i>` true)" },
    compare: {
      type: "object",
      additionalProperties: false,
      required: ["field"],
      description:
        "measures over [from, to] (or the last `days` days to today in the zone) as `m<i>`, and over the as-long window before as `p<i>`",
      properties: {
        field: NAME,
        from: { type: "string", format: "date" },
        to: { type: "string", format: "date" },
        days: { type: "integer", minimum: 1, maximum: 3660 },
      },
    },
  },
} as const;

export const aggregateResponse = {
  type: "object",
  properties: {
    rows: {
      type: "array",
      items: { type: "object", additionalProperties: { type: ["string", "number", "boolean", "null"] } },
    },
    truncated: { type: "boolean" },
  },
} as const;

export const exportQuery = {
  type: "object",
  additionalProperties: false,
  required: ["format"],
  properties: {
    format: { type: "string", enum: ["csv", "xlsx"] },
    filter: { type: "string", maxLength: MAX_FILTER_LENGTH, description: "json-logic, as the records list" },
    sort: { type: "string", maxLength: 1000, description: "as the records list" },
    fields: { type: "string", maxLength: 10_000, description: "comma-separated field ids, in column order" },
  },
} as const;
