// Bulk actions run one record at a time (each with its own If-Match), so one stale or forbidden record
// fails alone and the rest still go through; the caller reports which failed and why.

export interface BulkFailure<T> {
  item: T;
  error: unknown;
}

export interface BulkOutcome<T> {
  succeeded: T[];
  failed: BulkFailure<T>[];
}

export async function runSequentially<T>(
  items: readonly T[],
  action: (item: T) => PromiseLike<unknown>,
  onProgress?: (done: number, total: number) => void,
): Promise<BulkOutcome<T>> {
  const outcome: BulkOutcome<T> = { succeeded: [], failed: [] };
  let done = 0;
  for (const item of items) {
    try {
      await action(item);
      outcome.succeeded.push(item);
    } catch (error) {
      outcome.failed.push({ item, error });
    }
    done += 1;
    onProgress?.(done, items.length);
  }
  return outcome;
}
