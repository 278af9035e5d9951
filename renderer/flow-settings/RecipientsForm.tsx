import { useId, useState } from 'react';
import { freshId, newHeaderName, renameHeader } from '../../flows/edit/index.ts';
import { eraseMethods, type Flow, type Recipient } from '../../flows/index.ts';
import { TemplateText } from '../canvas/TemplateText.tsx';
import { CommitInput } from '../components/CommitInput.tsx';
import { editFlow, refuseEdit } from './edit-flow.ts';
import { useSettingsText } from './use-settings-text.ts';
import { isolated } from '../bidi/isolated.ts';

/** Who else receives data: a service the bot calls (its host) or an agent desk (its URL), and where it is. */
export function RecipientsForm({ flow }: { flow: Flow }) {
  const text = useSettingsText();
  const setRecipients = (recipients: Recipient[]) =>
    editFlow({ op: 'setFlowField', key: 'recipients', value: recipients });
  const change = (index: number, change: Partial<Recipient>) =>
    setRecipients(
      flow.recipients.map((existing, at) => (at === index ? withoutEmpty({ ...existing, ...change }) : existing)),
    );
  const add = () => {
    const id = freshId('recipient', new Set(flow.recipients.map((recipient) => recipient.id)));
    setRecipients([...flow.recipients, { id, name: id }]);
  };
  return (
    <fieldset className="flow-settings__group">
      <legend>{text('recipients-heading')}</legend>
      {flow.recipients.map((recipient, index) => (
        <div key={recipient.id} className="flow-settings__row" aria-label={recipient.name} role="group">
          <label>
            {text('recipient-name')}
            <CommitInput value={recipient.name} onCommit={(name) => change(index, { name })} />
          </label>
          <label>
            {text('recipient-kind')}
            <span className="muted">
              {recipient.url === undefined ? text('recipient-processor') : text('recipient-desk')}
            </span>
          </label>
          <label>
            {text('recipient-host')}
            <CommitInput dir="ltr" value={recipient.host ?? ''} onCommit={(host) => change(index, { host })} />
          </label>
          <label>
            {text('recipient-url')}
            <CommitInput dir="ltr" value={recipient.url ?? ''} onCommit={(url) => change(index, { url })} />
          </label>
          <label>
            {text('recipient-country')}
            <CommitInput
              dir="ltr"
              size={3}
              value={recipient.country ?? ''}
              onCommit={(country) => change(index, { country: country.toUpperCase() })}
            />
          </label>
          <EraseRoute recipient={recipient} onChange={(erase) => change(index, { erase })} />
        </div>
      ))}
      <button type="button" onClick={add}>
        {text('add-recipient')}
      </button>
    </fieldset>
  );
}

/**
 * How the bot asks the recipient to erase a person's data (DESIGN.md §2 `recipients[].erase`): a
 * method, or none, the address and the headers. Choosing a method starts the address at the recipient's host,
 * for the designer to complete with the reference it returned (the checker says what is missing).
 */
function EraseRoute({
  recipient,
  onChange,
}: {
  recipient: Recipient;
  onChange: (erase: Recipient['erase'] | undefined) => void;
}) {
  const text = useSettingsText();
  const helpId = useId();
  const route = recipient.erase;
  return (
    <>
      <label>
        {text('recipient-erase-method')}
        <select
          value={route?.method ?? ''}
          onChange={(event) => {
            const method = eraseMethods.find((candidate) => candidate === event.target.value);
            onChange(
              method
                ? { ...route, method, url: route?.url ?? (recipient.host ? `https://${recipient.host}/` : 'https://') }
                : undefined,
            );
          }}
        >
          <option value="">{text('recipient-erase-none')}</option>
          {eraseMethods.map((method) => (
            <option key={method} value={method}>
              {method}
            </option>
          ))}
        </select>
      </label>
      {route && (
        <>
          <label className="flow-settings__wide">
            {text('recipient-erase-url')}
            <CommitInput
              dir="ltr"
              value={route.url}
              aria-describedby={helpId}
              onCommit={(url) => onChange(url.trim() ? { ...route, url: url.trim() } : undefined)}
            />
          </label>
          <span id={helpId} className="muted">
            <TemplateText value={text('recipient-erase-help')} asTyped />
          </span>
          <EraseHeaders
            headers={route.headers ?? {}}
            onChange={(headers) => {
              const { headers: _replaced, ...rest } = route;
              onChange(Object.keys(headers).length === 0 ? rest : { ...rest, headers });
            }}
          />
        </>
      )}
    </>
  );
}

/**
 * The headers the erase request sends (`recipients[].erase.headers`, as an http step's): most often
 * the service's access key, `Bearer {{secret.NAME}}`. Each field is written when the designer is
 * done with it (one undo step); a blank name, or one another header has, is refused with the
 * reason and nothing is written, so no header is lost.
 */
function EraseHeaders({
  headers,
  onChange,
}: {
  headers: Record<string, string>;
  onChange: (headers: Record<string, string>) => void;
}) {
  const text = useSettingsText();
  const helpId = useId();
  const [added, setAdded] = useState<number | undefined>(undefined);
  const entries = Object.entries(headers);
  const write = (next: [string, string][]) => onChange(Object.fromEntries(next));
  const rename = (index: number, name: string) => {
    const renamed = renameHeader(entries, index, name);
    if (renamed.ok) return write(renamed.entries);
    refuseEdit(
      renamed.reason === 'blank'
        ? text('recipient-erase-header-blank')
        : text('recipient-erase-header-taken', { name: isolated(renamed.name) }),
    );
  };
  const add = () => {
    setAdded(entries.length);
    write([...entries, [newHeaderName(entries, 'Authorization'), '']]);
  };
  return (
    <fieldset className="flow-settings__headers" aria-describedby={helpId}>
      <legend>{text('recipient-erase-headers')}</legend>
      <span id={helpId} className="muted">
        <TemplateText value={text('recipient-erase-headers-help')} asTyped />
      </span>
      {entries.map(([name, value], index) => (
        <div
          key={index}
          className="flow-settings__row"
          role="group"
          aria-label={text('recipient-erase-header', { number: index + 1 })}
        >
          <label>
            {text('recipient-erase-header-name')}
            <CommitInput dir="ltr" value={name} onCommit={(next) => rename(index, next)} />
          </label>
          <label className="flow-settings__wide">
            {text('recipient-erase-header-value')}
            <CommitInput
              dir="ltr"
              value={value}
              autoFocus={index === added}
              onCommit={(next) => write(entries.map((entry, at) => (at === index ? [entry[0], next] : entry)))}
            />
          </label>
          <button type="button" onClick={() => write(entries.filter((_, at) => at !== index))}>
            {text('recipient-erase-remove-header', { number: index + 1 })}
          </button>
        </div>
      ))}
      <button type="button" onClick={add}>
        {text('recipient-erase-add-header')}
      </button>
    </fieldset>
  );
}

/** The recipient with emptied optional fields taken out. */
function withoutEmpty(recipient: Recipient): Recipient {
  const { host, country, url, erase, ...required } = recipient;
  return {
    ...required,
    ...(host ? { host } : {}),
    ...(country ? { country } : {}),
    ...(url ? { url } : {}),
    ...(erase ? { erase } : {}),
  };
}
