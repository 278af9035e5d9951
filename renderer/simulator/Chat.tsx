import { useState } from 'react';
import type { EngineEvent, ListSection } from '../../flows/engine/index.ts';
import { BidiText } from '../bidi/BidiText.tsx';
import type { ChatItem } from './chat-items.ts';
import { selectStep } from './select-step.ts';
import { useSimulator } from './simulator-store.ts';
import { useSimulatorText, type SimulatorTextKey } from './texts.ts';
import { isolated } from '../bidi/isolated.ts';

type Say = ReturnType<typeof useSimulatorText>;

/**
 * The conversation as WhatsApp shows it: the bot's bubbles on one side, the customer's on the
 * other, reply buttons under their message, a list opening its sheet. Every text sits in an
 * element with dir="auto" (each line taking its own direction), and its URLs, e-mail addresses,
 * numbers and Latin names in left-to-right isolates, so mixed Arabic and Latin text reads right.
 */
export function Chat({ items, language }: { items: ChatItem[]; language: string }) {
  const say = useSimulatorText();
  return (
    <ol className="chat" aria-label={say('chat-label')} lang={language}>
      {items.map((item) => (
        <li key={item.key} className={`chat__row chat__row--${item.from}`}>
          {item.from === 'customer' ? <CustomerBubble item={item} say={say} /> : <BotBubble item={item} say={say} />}
        </li>
      ))}
    </ol>
  );
}

function CustomerBubble({ item, say }: { item: Extract<ChatItem, { from: 'customer' }>; say: Say }) {
  const system = item.event.type === 'agent-released' || item.event.type === 'timeout';
  return (
    <div className={system ? 'chat__note' : 'bubble bubble--customer'}>
      <p dir="auto">
        <BidiText text={describeEvent(item.event, item.title, say)} />
      </p>
    </div>
  );
}

function BotBubble({ item, say }: { item: Extract<ChatItem, { from: 'bot' }>; say: Say }) {
  const send = useSimulator((state) => state.send);
  const { effect, answerable } = item;
  const [sheetOpen, setSheetOpen] = useState(false);
  const reply = (id: string, title: string) => send({ type: 'reply', id, title });
  return (
    <div className="bubble bubble--bot" data-node-id={effect.nodeId}>
      <button
        type="button"
        className="bubble__body"
        title={say('select-step', { node: isolated(effect.nodeId) })}
        onClick={() => selectStep(effect.nodeId)}
      >
        <span dir="auto">
          <BidiText text={effect.text} />
        </span>
      </button>
      {effect.type === 'send-buttons' && (
        <div className="bubble__replies">
          {effect.buttons.map((button) =>
            answerable ? (
              <button key={button.id} type="button" dir="auto" onClick={() => reply(button.id, button.title)}>
                <BidiText text={button.title} />
              </button>
            ) : (
              <span key={button.id} className="bubble__reply-spent" dir="auto">
                <BidiText text={button.title} />
              </span>
            ),
          )}
        </div>
      )}
      {effect.type === 'send-list' && (
        <div className="bubble__replies">
          {answerable ? (
            <button type="button" dir="auto" aria-expanded={sheetOpen} onClick={() => setSheetOpen(!sheetOpen)}>
              ☰ {effect.button}
            </button>
          ) : (
            <span className="bubble__reply-spent" dir="auto">
              ☰ {effect.button}
            </span>
          )}
        </div>
      )}
      {effect.type === 'send-list' && answerable && sheetOpen && (
        <ListSheet
          button={effect.button}
          sections={effect.sections}
          say={say}
          onChoose={(id, title) => {
            setSheetOpen(false);
            reply(id, title);
          }}
          onClose={() => setSheetOpen(false)}
        />
      )}
    </div>
  );
}

/** WhatsApp's list sheet: the sections with their titles, each row with its description. */
function ListSheet(props: {
  button: string;
  sections: ListSection[];
  say: Say;
  onChoose: (id: string, title: string) => void;
  onClose: () => void;
}) {
  const { say } = props;
  return (
    <div className="list-sheet" role="dialog" aria-label={say('list-sheet', { button: isolated(props.button) })}>
      {props.sections.map((section, index) => (
        <section key={`${section.title}-${index}`} aria-label={section.title || undefined}>
          {section.title && (
            <h4 className="list-sheet__section" dir="auto">
              {section.title}
            </h4>
          )}
          {section.rows.map((row) => (
            <button
              key={row.id}
              type="button"
              className="list-sheet__row"
              onClick={() => props.onChoose(row.id, row.title)}
            >
              <span dir="auto">
                <BidiText text={row.title} />
              </span>
              {row.description && (
                <span className="list-sheet__description muted" dir="auto">
                  <BidiText text={row.description} />
                </span>
              )}
            </button>
          ))}
        </section>
      ))}
      <button type="button" className="list-sheet__close" onClick={props.onClose}>
        {say('close-sheet')}
      </button>
    </div>
  );
}

function describeEvent(event: EngineEvent, title: string | undefined, say: Say): string {
  const key = (name: SimulatorTextKey, params?: Record<string, string | number>) => say(name, params);
  switch (event.type) {
    case 'text':
      return event.text;
    case 'reply':
      return title ?? event.id;
    case 'location':
      return key('location-bubble', { latitude: event.latitude, longitude: event.longitude });
    case 'media':
      return event.kind === 'image' ? key('image-bubble') : key('document-bubble', { name: event.filename ?? '' });
    case 'agent-released':
      return key('release-bubble');
    case 'timeout':
      return key('timeout-bubble');
    case 'http-response':
      return '';
  }
}
