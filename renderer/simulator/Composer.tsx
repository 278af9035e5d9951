import { useRef, useState, type FormEvent } from 'react';
import { useSimulator } from './simulator-store.ts';
import { useSimulatorText } from './texts.ts';

/**
 * What the customer can send: typed text, a location, a photo or a document (only the file's
 * name and type are used; nothing is read or uploaded). While a person has the conversation,
 * the agent's release is offered instead.
 */
export function Composer({ waitingForAgent }: { waitingForAgent: boolean }) {
  const say = useSimulatorText();
  const send = useSimulator((state) => state.send);
  const [draft, setDraft] = useState('');
  const image = useRef<HTMLInputElement>(null);
  const document = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim().length === 0) return;
    send({ type: 'text', text: draft });
    setDraft('');
  };
  const attach = (kind: 'image' | 'document', input: HTMLInputElement | null) => {
    const file = input?.files?.[0];
    if (!file || !input) return;
    send({
      type: 'media',
      kind,
      mediaId: `simulated-${kind}`,
      ...(file.type ? { mimeType: file.type } : {}),
      ...(kind === 'document' ? { filename: file.name } : {}),
    });
    input.value = '';
  };

  return (
    <div className="composer">
      {waitingForAgent && (
        <button type="button" className="composer__release" onClick={() => send({ type: 'agent-released' })}>
          {say('agent-release')}
        </button>
      )}
      <div className="composer__attachments">
        <button
          type="button"
          onClick={() => send({ type: 'location', latitude: -23.5505, longitude: -46.6333, name: 'Praça da Sé' })}
        >
          {say('send-location')}
        </button>
        <button type="button" onClick={() => image.current?.click()}>
          {say('send-image')}
        </button>
        <button type="button" onClick={() => document.current?.click()}>
          {say('send-document')}
        </button>
        <input ref={image} type="file" accept="image/*" hidden onChange={() => attach('image', image.current)} />
        <input ref={document} type="file" hidden onChange={() => attach('document', document.current)} />
      </div>
      <form className="composer__form" onSubmit={submit}>
        <input
          type="text"
          dir="auto"
          aria-label={say('message')}
          placeholder={say('message')}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit">{say('send')}</button>
      </form>
    </div>
  );
}
