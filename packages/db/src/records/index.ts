export {
  AGGREGATE_OPS,
  type AggregateOp,
  type AggregateQuery,
  type AggregateResult,
  aggregateRecords,
  DATE_BUCKETS,
  type DateBucket,
  type LinkedSource,
  MAX_AGGREGATE_ROWS,
} from "./aggregate";
export { aggregatedFields } from "./aggregate-parts";
export { compareWindows, type DateWindow } from "./aggregate-windows";
export {
  type FixedPart,
  type InsertPart,
  isFixedPart,
  type PartRecord,
  partData,
  partRecord,
  recordInsertParts,
} from "./insert-parts";
export { FormChangedError } from "./insert-statement";
export { COUNT_CAP, checkSort, DEFAULT_LIMIT, MAX_LIMIT, queryRecords } from "./query";
export { getRecord } from "./read";
export { listRevisions } from "./revisions";
export { rollupFor } from "./rollup-query";
export { MAX_ROLLUPS, type RollupDim, requestRollups } from "./rollups";
export {
  type FilterValueType,
  filterScopeFor,
  type RecordFilterField,
  type RecordFilterScope,
} from "./scope";
export { reserveSerialValues } from "./serial";
export type * from "./types";
export {
  deleteRecord,
  type InsertOptions,
  insertNeedsTransaction,
  insertRecord,
  insertRecords,
  purgeRecord,
  type RecordRef,
  restoreRecord,
  updateRecord,
} from "./write";
