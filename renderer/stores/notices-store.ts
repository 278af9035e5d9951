import { create } from 'zustand';
import type { ParseError } from '../../flows/index.ts';
import type { Params } from '../../flows/i18n/index.ts';
import type { UiTextKey } from '../i18n/messages.ts';

/**
 * A message for the designer: one of the interface's own texts (shown in whatever language is
 * current, even after a switch), or a text the host already worded in the designer's language.
 */
export type NoticeText = { key: UiTextKey; params?: Params } | { worded: string };

/** Something to tell the designer: what happened, and for a refused file or draft, every problem. */
interface Notice {
  tone: 'info' | 'error';
  text: NoticeText;
  /** Sentences that follow the first (what happened to the tests beside a flow file, say). */
  more?: NoticeText[];
  problems?: Pick<ParseError, 'path' | 'message'>[];
}

interface NoticesState {
  notice: Notice | null;
  tell(notice: Notice): void;
  dismiss(): void;
}

export const useNoticesStore = create<NoticesState>()((set) => ({
  notice: null,
  tell: (notice) => set({ notice }),
  dismiss: () => set({ notice: null }),
}));
