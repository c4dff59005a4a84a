import { PGlite } from "@electric-sql/pglite";

/**
 * Postgres settings of the embedded database. PGlite keeps Postgres's shared memory in its WASM heap and
 * touches all of it at start, and a WASM heap never shrinks: with the default 128 MB of `shared_buffers`
 * the buffer pool alone was ~140 MB of the server's idle RSS (515 MB then, 250 MB the target). With 16 MB
 * (2,048 pages) a page that is not in the pool is read from the data directory through Node's `fs`, i.e.
 * from the OS page cache: a system call, not a disk read. Measured (PGlite alone, same process, loaded
 * 2-core machine): idle RSS 313 → 173 MB; 4,000 single-row INSERTs with two indexes and 300 indexed
 * 50-row SELECTs ran as fast with 16 MB as with 128 MB. `wal_buffers` follows (1/32 of the pool).
 */
export const PGLITE_START_PARAMS: readonly string[] = [
  ...PGlite.defaultStartParams,
  "-c",
  "shared_buffers=16MB",
];
