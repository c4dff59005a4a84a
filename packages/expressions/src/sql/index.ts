export {
  addDays,
  type CalendarDate,
  dateInZone,
  daysInMonth,
  formatDate,
  isoWeekday,
  isValidTimeZone,
  parseDate,
  startOfDayInstant,
  wallClockText,
} from "./calendar";
export { compileFilter } from "./compile-filter";
export { compileSort, MAX_SORT_KEYS, orderByClause } from "./compile-sort";
export { escapeLike } from "./like";
export { MAX_FILTER_DEPTH, MAX_FILTER_NODES, MAX_FILTER_VALUES } from "./limits";
export {
  allowedOperators,
  DEFAULT_OPERATORS,
  FILTER_OPERATORS,
  type FilterOperatorName,
  OPERATOR_ALIASES,
  SUPPORTED_OPERATORS,
} from "./operators";
export { PERIOD_UNITS, RELATIVE_DATE_OPERATORS, resolveRelativeDate } from "./relative-dates";
export { columnReference } from "./scope";
export type * from "./types";
