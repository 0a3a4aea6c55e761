/** One line a person can read, from whatever was thrown. */
export function describeError(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong';
}
