import { accessRefused, transportFailure } from '../../shared/reply.ts';
import { useNoticesStore, type NoticeText } from '../stores/notices-store.ts';

/**
 * Shows a failed request to the designer. The host words its own failures in the interface
 * language; failures of the transport itself get the interface's own words.
 */
export function reportFailure(error: unknown): void {
  const message = error instanceof Error ? error.message : '';
  const text: NoticeText =
    message === accessRefused
      ? { key: 'access-refused' }
      : message === transportFailure || message === ''
        ? { key: 'transport-failure' }
        : { worded: message };
  useNoticesStore.getState().tell({ tone: 'error', text });
}

/** Runs a command, showing any failure instead of losing it. */
export function attempt(command: () => Promise<void>): Promise<void> {
  return command().catch(reportFailure);
}
