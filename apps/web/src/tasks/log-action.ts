import type { LogEntry } from "./api";

/**
 * The `tasks.log.*` key a log line's action reads as: an end the server made on its own says why (the
 * record went to the recycle bin), not "ended by an administrator".
 */
export function logActionKey(entry: Pick<LogEntry, "action" | "detail">): string {
  const reason = entry.detail?.reason;
  if (entry.action === "end" && reason === "recordDeleted") return "tasks.log.endRecordDeleted";
  return `tasks.log.${entry.action}`;
}
