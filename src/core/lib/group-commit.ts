/**
 * Group commit: writes that arrive while one is in flight wait together and share the next write
 * (and its fsync), so a burst of concurrent requests costs a few fsyncs rather than one each. Each
 * submission still resolves only once its own records are durable, and fails if their write failed.
 */
export function createGroupCommit<T>(
  /** Runs one batch; the caller's serial queue, so batches never overlap other writes to the file. */
  enqueue: (task: () => Promise<void>) => Promise<void>,
  write: (records: T[]) => Promise<void>,
): (records: readonly T[]) => Promise<void> {
  let waiting: { records: readonly T[]; resolve: () => void; reject: (error: unknown) => void }[] = [];

  async function writeWaiting(): Promise<void> {
    const batch = waiting;
    waiting = [];
    try {
      await write(batch.flatMap(({ records }) => records));
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
      return;
    }
    for (const waiter of batch) waiter.resolve();
  }

  return (records) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ records, resolve, reject });
      if (waiting.length === 1) void enqueue(writeWaiting);
    });
}
