import { LullError } from '../../shared/contract';

/** The disk (or the user's quota) is full: nothing of the change was kept. HTTP answers 507. */
export const STORAGE_FULL = 'storage-full';
/** Any other failure to read or write a file of the data dir (EIO, EACCES, EROFS…). HTTP answers 503. */
export const STORAGE_FAILED = 'storage-failed';

const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** A file Lull could not read or write, in words: which file, what the system said, what to do. */
export class StorageError extends LullError {
  constructor(
    code: typeof STORAGE_FULL | typeof STORAGE_FAILED,
    message: string,
    readonly file: string,
    /** The system's error code (ENOSPC, EIO, …). */
    readonly errno: string,
    cause?: unknown,
  ) {
    super(code, message);
    this.name = 'StorageError';
    if (cause !== undefined) this.cause = cause;
  }
}

export function isErrno(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/**
 * Turns a file system error met while `doing` ("write", "read") `file` into a StorageError that says
 * what happened and what to do. Anything else (a bug, an already typed error) is returned unchanged.
 */
export function toStorageError(error: unknown, file: string, doing: 'read' | 'write'): unknown {
  if (error instanceof LullError || !isErrno(error)) return error;
  const errno = error.code as string;
  if (FULL_CODES.has(errno)) {
    return new StorageError(
      STORAGE_FULL,
      `The disk is full (${errno}): Lull could not save ${file}, so nothing of this change was kept. Free some space on that disk, then try again.`,
      file,
      errno,
      error,
    );
  }
  return new StorageError(
    STORAGE_FAILED,
    describeFailure(errno, file, doing, error.message),
    file,
    errno,
    error,
  );
}

function describeFailure(errno: string, file: string, doing: 'read' | 'write', detail: string): string {
  // Files are read when Lull starts; a write fails while it runs.
  const retry = doing === 'read' ? 'start Lull again' : 'try again';
  switch (errno) {
    case 'EISDIR':
      return `${file} is a directory, not a file: move it away and ${retry}.`;
    case 'EACCES':
    case 'EPERM':
      return `Lull may not ${doing} ${file} (${errno}): give your user read and write access to it (chmod 600), then ${retry}.`;
    case 'EROFS':
      return `Lull could not ${doing} ${file}: the disk is read-only (EROFS). Make it writable, then ${retry}.`;
    default:
      return `Lull could not ${doing} ${file} (${errno}: ${detail}). Check the disk, then ${retry}.`;
  }
}
