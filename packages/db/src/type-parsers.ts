// Both drivers read values the same way, so records look identical on PGlite and PostgreSQL:
// numbers as JS numbers (record values are JSON numbers anyway), dates as 'YYYY-MM-DD' strings
// (never a local-midnight Date), timestamps as Date.
export const PG_OID = { int8: 20, int4: 23, numeric: 1700, date: 1082, timestamptz: 1184 } as const;

export const numberParser = (value: string): number => Number(value);
export const dateParser = (value: string): string => value;

export const OVERRIDDEN_PARSERS: Record<number, (value: string) => unknown> = {
  [PG_OID.int8]: numberParser,
  [PG_OID.numeric]: numberParser,
  [PG_OID.date]: dateParser,
};
