export type { PrepareContext } from "./context";
export type { LinkageDefault, PendingLinkage } from "./defaults";
export { RECORD_ERROR_CODES, type RecordError, type RecordErrorCode } from "./errors";
export { MAX_DEPTH, MAX_LIST_ITEMS } from "./input-guard";
export { type PrepareResult, prepareRecord } from "./prepare";
export { compileRecordValidator, recordSchema } from "./validator";
