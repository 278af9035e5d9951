import type { TestsBesideExport, TestsBesideImport } from '../../shared/api.ts';
import type { NoticeText } from '../stores/notices-store.ts';
import { isolated } from '../bidi/isolated.ts';

/** What the designer is told about the tests file beside a flow file, after the flow's own sentence. */
interface TestsBesideNotice {
  tone: 'info' | 'error';
  more: NoticeText[];
  problems?: { path: string; message: string }[];
}

/**
 * The notice's part about `X.transcript.json` beside `X.flow.json` (desktop): brought in or written,
 * or why not. The flow itself was imported or written either way, and the tests are never lost.
 */
export function testsBesideNotice(tests: TestsBesideImport | TestsBesideExport | null): TestsBesideNotice {
  if (!tests) return { tone: 'info', more: [] };
  switch (tests.status) {
    case 'imported':
      return { tone: 'info', more: [{ key: 'tests-beside-imported', params: { file: isolated(tests.fileName) } }] };
    case 'written':
      return { tone: 'info', more: [{ key: 'tests-beside-written', params: { path: isolated(tests.path) } }] };
    case 'invalid':
      return {
        tone: 'error',
        more: [{ key: 'tests-beside-invalid', params: { file: isolated(tests.fileName) } }],
        problems: tests.problems,
      };
    case 'unreadable':
      return { tone: 'error', more: [{ key: 'tests-beside-unreadable', params: { reason: tests.message } }] };
    case 'not-written':
      return { tone: 'error', more: [{ key: 'tests-beside-not-written', params: { reason: tests.message } }] };
  }
}
