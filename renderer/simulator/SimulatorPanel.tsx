import { useMemo } from 'react';
import type { Flow } from '../../flows/index.ts';
import { chatItemsOf } from './chat-items.ts';
import { Chat } from './Chat.tsx';
import { Composer } from './Composer.tsx';
import { HttpAnswers } from './HttpAnswers.tsx';
import { ledgerOf } from './ledger.ts';
import { LedgerView } from './LedgerView.tsx';
import { RehearsalSettings } from './RehearsalSettings.tsx';
import { SaveAsTest } from './SaveAsTest.tsx';
import { SimulatorNoticeLine } from './SimulatorNoticeLine.tsx';
import { useSimulator } from './simulator-store.ts';
import { StartFromStep } from './StartFromStep.tsx';
import { useSimulatorText } from './texts.ts';

/**
 * The Simulator panel beside the canvas: a WhatsApp-like chat running flows/engine on the working
 * copy in the page, the privacy ledger, and the rehearsal's controls.
 */
export function SimulatorPanel({ flow }: { flow: Flow }) {
  const say = useSimulatorText();
  const rehearsal = useSimulator((state) => state.rehearsal);
  const simulated = useSimulator((state) => state.flow);
  const restart = useSimulator((state) => state.restart);
  const stepBack = useSimulator((state) => state.stepBack);
  const setOpen = useSimulator((state) => state.setOpen);
  const items = useMemo(() => (rehearsal ? chatItemsOf(rehearsal) : []), [rehearsal]);
  const ledger = useMemo(
    () => (rehearsal && simulated ? ledgerOf(simulated, rehearsal) : null),
    [rehearsal, simulated],
  );
  const state = rehearsal?.turns.at(-1)?.state;

  return (
    <section className="simulator" role="region" aria-label={say('simulator-region')}>
      <header className="panel__header">
        <h2>{say('simulator-region')}</h2>
        <button type="button" onClick={restart}>
          {say('restart')}
        </button>
        <button type="button" onClick={stepBack} disabled={!rehearsal || rehearsal.turns.length < 2}>
          {say('step-back')}
        </button>
        {rehearsal && <SaveAsTest rehearsal={rehearsal} />}
        <button
          type="button"
          className="panel__close"
          aria-label={say('close-simulator')}
          onClick={() => setOpen(false)}
        >
          ×
        </button>
      </header>
      <RehearsalSettings key={flow.id} flow={flow} />
      <SimulatorNoticeLine />
      <div className="simulator__phone">
        <Chat items={items} language={state?.language ?? flow.languages[0] ?? ''} />
        {state?.waitingFor === 'agent' && (
          <p className="chat__note" role="status">
            {say('waiting-agent')}
          </p>
        )}
        {state?.optedOut && (
          <p className="chat__note" role="status">
            {say('opted-out')}
          </p>
        )}
        {state?.ended && (
          <p className="chat__note" role="status">
            {say('ended')}
          </p>
        )}
        {rehearsal?.turns.at(-1)?.looping && (
          <p className="chat__note" role="alert">
            {say('looping')}
          </p>
        )}
        <Composer waitingForAgent={state?.waitingFor === 'agent'} />
      </div>
      {ledger && <LedgerView ledger={ledger} flow={flow} conversationLanguage={state?.language ?? ''} />}
      <HttpAnswers flow={flow} />
      <StartFromStep flow={flow} />
    </section>
  );
}
