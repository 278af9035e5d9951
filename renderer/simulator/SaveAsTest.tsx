import { useState, type FormEvent } from 'react';
import { attempt } from '../commands/report-failure.ts';
import { useNoticesStore } from '../stores/notices-store.ts';
import { testsStore } from '../tests/tests-store-instance.ts';
import type { Rehearsal } from './rehearsal.ts';
import { testFromRehearsal } from './test-from-rehearsal.ts';
import { useSimulatorText } from './texts.ts';
import { isolated } from '../bidi/isolated.ts';

/** “Save as test”: names the rehearsed conversation and keeps it with the flow as a transcript test. */
export function SaveAsTest({ rehearsal }: { rehearsal: Rehearsal }) {
  const say = useSimulatorText();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const tell = useNoticesStore((state) => state.tell);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const made = testFromRehearsal(name, rehearsal);
    if (!made.ok) {
      tell({ tone: 'error', text: { worded: say(made.reason === 'no-name' ? 'test-no-name' : 'test-mid-flow') } });
      return;
    }
    const outcome = await testsStore.getState().add(made.test);
    if (outcome.status === 'invalid') {
      tell({ tone: 'error', text: { worded: say('test-no-name') }, problems: outcome.problems });
      return;
    }
    tell({ tone: 'info', text: { worded: say('test-saved', { name: isolated(made.test.name) }) } });
    testsStore.getState().setOpen(true);
    setNaming(false);
    setName('');
  };

  if (!naming) {
    return (
      <button type="button" onClick={() => setNaming(true)}>
        {say('save-as-test')}
      </button>
    );
  }
  return (
    <form className="save-as-test" onSubmit={(event) => void attempt(() => save(event))}>
      <label>
        {say('test-name')}
        <input dir="auto" autoFocus value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <button type="submit">{say('save')}</button>
      <button type="button" onClick={() => setNaming(false)}>
        {say('cancel')}
      </button>
    </form>
  );
}
