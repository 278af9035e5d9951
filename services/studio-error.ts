import type { ApiErrorCode } from '../shared/reply.ts';

/** A failure the designer should read: its message is already in the interface language. */
export class StudioError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StudioError';
  }
}
