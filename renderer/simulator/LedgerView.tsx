import { useState, type ReactNode } from 'react';
import type { JsonValue } from '../../flows/engine/index.ts';
import { listOf, type UiLanguage } from '../../flows/i18n/index.ts';
import type { Flow } from '../../flows/index.ts';
import { localText } from '../../flows/engine/index.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import type { HeldValue, Ledger, LedgerPlace } from './ledger.ts';
import { selectStep } from './select-step.ts';
import { useSimulatorText } from './texts.ts';
import { isolateNames } from '../bidi/isolate-names.tsx';
import { isolated } from '../bidi/isolated.ts';

type Say = ReturnType<typeof useSimulatorText>;

/**
 * The privacy ledger beside the chat: what is held now (personal values masked until shown),
 * consent per purpose, what was shared with whom, handoffs, erasures, opt-outs and what the
 * engine withheld — each entry with the turn and a link to the step that did it.
 */
export function LedgerView({
  ledger,
  flow,
  conversationLanguage,
}: {
  ledger: Ledger;
  flow: Flow;
  conversationLanguage: string;
}) {
  const say = useSimulatorText();
  const language = useLanguageStore((state) => state.language);
  const label = (key: string) => {
    const field = flow.data.find((candidate) => candidate.key === key);
    return field ? localText(field.label, conversationLanguage, flow.languages) : key;
  };
  const keys = (list: readonly string[]) => (list.length === 0 ? say('nothing') : names(language, list.map(label)));
  const purpose = (id: string) => {
    const found = flow.purposes.find((candidate) => candidate.id === id);
    return found ? localText(found.label, conversationLanguage, flow.languages) : id;
  };
  const recipient = (id: string) => flow.recipients.find((candidate) => candidate.id === id)?.name ?? id;

  return (
    <section className="ledger" aria-labelledby="ledger-heading">
      <h3 id="ledger-heading">{say('ledger-heading')}</h3>
      <Part heading={say('ledger-held')} empty={say('ledger-nothing-held')} label="held">
        {ledger.held.map((entry) => (
          <HeldRow key={entry.key} entry={entry} label={label(entry.key)} say={say} />
        ))}
      </Part>
      <Part heading={say('ledger-consent')} empty={say('ledger-no-consent')} label="consent">
        {ledger.consent.map((entry) => (
          <li key={entry.purpose} className={entry.granted ? 'ledger__granted' : 'ledger__declined'}>
            <span>
              {isolateNames(
                (names) =>
                  say(
                    entry.granted ? 'consent-granted' : entry.askedAgain ? 'consent-asked-again' : 'consent-declined',
                    names,
                  ),
                { purpose: purpose(entry.purpose) },
              )}
            </span>
            <StepLink place={entry} say={say} />
          </li>
        ))}
      </Part>
      <Part heading={say('ledger-shared')} empty={say('ledger-none')} label="shared">
        {ledger.shared.map((entry, index) => (
          <li key={index}>
            <span>
              {isolateNames((names) => say('shared-entry', { ...names, keys: keys(entry.keys) }), {
                recipient: recipient(entry.recipient),
              })}
            </span>
            <StepLink place={entry} say={say} />
          </li>
        ))}
      </Part>
      <Part heading={say('ledger-handed-off')} empty={say('ledger-none')} label="handed-off">
        {ledger.handedOff.map((entry, index) => (
          <li key={index}>
            <span>
              {entry.desk
                ? isolateNames((names) => say('desk-entry', { ...names, keys: keys(entry.keys) }), {
                    recipient: recipient(entry.queue),
                  })
                : isolateNames((names) => say('handoff-entry', { ...names, keys: keys(entry.keys) }), {
                    queue: entry.queue,
                  })}
            </span>
            <StepLink place={entry} say={say} />
          </li>
        ))}
      </Part>
      <Part heading={say('ledger-erased')} empty={say('ledger-none')} label="erased">
        {ledger.erased.map((entry, index) => (
          <li key={index}>
            <span>{say('erased-entry')}</span>
            <StepLink place={entry} say={say} />
            {entry.asked?.map((id) => (
              <span key={id} className="ledger__asked">
                {isolateNames((names) => say('asked-erase-entry', names), { recipient: recipient(id) })}
              </span>
            ))}
          </li>
        ))}
      </Part>
      <Part heading={say('ledger-opted-out')} empty={say('ledger-none')} label="opted-out">
        {ledger.optedOut.map((entry, index) => (
          <li key={index}>
            <span>{say('opted-out-entry')}</span>
            <StepLink place={entry} say={say} />
          </li>
        ))}
      </Part>
      <Part heading={say('ledger-withheld')} empty={say('ledger-none')} label="withheld">
        {ledger.withheld.map((entry, index) => (
          <li key={index}>
            <span>
              {isolateNames(
                (isolates) =>
                  say('withheld-entry', {
                    ...isolates,
                    via: say(`via-${entry.via}`),
                    purposes: names(language, entry.purposes.map(purpose)),
                  }),
                { key: label(entry.key) },
              )}
            </span>
            <StepLink place={entry} say={say} />
          </li>
        ))}
      </Part>
    </section>
  );
}

function Part(props: { heading: string; empty: string; label: string; children: ReactNode[] }) {
  return (
    <div className={`ledger__part ledger__part--${props.label}`}>
      <h4>{props.heading}</h4>
      {props.children.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul aria-label={props.heading}>{props.children}</ul>
      )}
    </div>
  );
}

function HeldRow({ entry, label, say }: { entry: HeldValue; label: string; say: Say }) {
  const [shown, setShown] = useState(false);
  const text = display(entry.value);
  return (
    <li>
      <span>
        <bdi>{label}</bdi>
        {entry.personal && <em className="ledger__personal"> · {say('personal-mark')}</em>}:{' '}
        <bdi className="ledger__value">
          {shown || !entry.personal ? text : '•'.repeat(Math.min(8, Math.max(3, text.length)))}
        </bdi>
      </span>
      {entry.personal && (
        <button type="button" className="link" aria-pressed={shown} onClick={() => setShown(!shown)}>
          {shown ? say('conceal') : say('reveal')}
        </button>
      )}
      <StepLink place={entry} say={say} />
    </li>
  );
}

/** The turn and the step an entry comes from; selects the step on the canvas. */
function StepLink({ place, say }: { place: LedgerPlace; say: Say }) {
  const node = place.nodeId;
  if (node === undefined)
    return <span className="muted ledger__place">{say('at-step', { turn: place.turn, node: '—' })}</span>;
  return (
    <button type="button" className="link ledger__place" onClick={() => selectStep(node)}>
      {isolateNames((names) => say('at-step', { ...names, turn: place.turn }), { node })}
    </button>
  );
}

/** A list of the designer's names (fields, purposes), each in an isolate of its own inside the sentence. */
function names(language: UiLanguage, items: readonly string[]): string {
  return listOf(language, items.map(isolated));
}

function display(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
