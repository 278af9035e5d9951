import { useId } from 'react';
import { valueAt } from '../../flows/edit/index.ts';
import type { FieldForm } from '../../flows/index.ts';
import { CommitInput } from '../components/CommitInput.tsx';
import { CommitTextArea } from '../components/CommitTextArea.tsx';
import { useCommitDraft } from '../components/use-commit-draft.ts';
import { useEditorText } from '../editor/texts.ts';
import { problemsAt, useField } from './field-context.ts';
import { FieldProblems } from './FieldProblems.tsx';
import { KeyPicker } from './KeyPicker.tsx';
import { LangTextInput } from './LangTextInput.tsx';
import { HeadersEditor, MappingsEditor, OptionsEditor, RulesEditor, SectionsEditor } from './ListEditors.tsx';

/** One field of a step's form, edited with the widget its kind's form names. */
export function FieldEditor({ field }: { field: FieldForm }) {
  const { node, ui, problems } = useField();
  const id = useId();
  const label = field.label[ui];
  const help = (
    <p className="field__help muted" id={`${id}-help`}>
      {field.help[ui]}
    </p>
  );
  const mine = problemsAt(problems, [field.name]);
  const body = (() => {
    switch (field.widget) {
      case 'text':
        return <LangTextInput path={[field.name]} label={label} multiline={field.name === 'text'} />;
      case 'data-key':
        return <KeyPicker path={[field.name]} label={label} optional={field.optional} />;
      case 'options':
        return <OptionsEditor label={label} />;
      case 'sections':
        return <SectionsEditor label={label} />;
      case 'rules':
        return <RulesEditor label={label} />;
      case 'headers':
        return <HeadersEditor label={label} />;
      case 'response-mappings':
        return <MappingsEditor label={label} />;
      default:
        return <PlainField field={field} id={id} label={label} value={valueAt(node, [field.name])} />;
    }
  })();
  const ownProblems = field.widget === 'text' ? null : <FieldProblems id={`${id}-problems`} problems={mine} />;
  return (
    <div className={`field field--${field.widget}`} aria-describedby={`${id}-help`}>
      {body}
      {help}
      {ownProblems}
    </div>
  );
}

/** Fields edited by one control: a choice, a number, a template, an id, a recipient, key lists, purposes, a mock. */
function PlainField({ field, id, label, value }: { field: FieldForm; id: string; label: string; value: unknown }) {
  const { flow, ui, change, restore } = useField();
  const text = useEditorText();
  const back = () => restore([field.name]);
  switch (field.widget) {
    case 'choice':
      return (
        <>
          <label htmlFor={id}>{label}</label>
          <select id={id} value={String(value ?? '')} onChange={(event) => change([field.name], event.target.value)}>
            {field.choices?.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label[ui]}
              </option>
            ))}
          </select>
        </>
      );
    case 'number':
      return (
        <>
          <label htmlFor={id}>{label}</label>
          <CommitInput
            id={id}
            type="number"
            value={typeof value === 'number' ? String(value) : ''}
            onCommit={(next) => change([field.name], next === '' ? undefined : Number(next))}
            onRestore={back}
          />
        </>
      );
    case 'recipient':
      return (
        <>
          <label htmlFor={id}>{label}</label>
          <select id={id} value={String(value ?? '')} onChange={(event) => change([field.name], event.target.value)}>
            {!flow.recipients.some((recipient) => recipient.id === value) && (
              <option value={String(value ?? '')}>{String(value ?? '')}</option>
            )}
            {flow.recipients.map((recipient) => (
              <option key={recipient.id} value={recipient.id}>
                {recipient.name}
              </option>
            ))}
          </select>
        </>
      );
    case 'data-keys':
    case 'purposes': {
      const chosen = Array.isArray(value) ? value.map(String) : [];
      const choices =
        field.widget === 'purposes'
          ? flow.purposes.map((purpose) => ({
              value: purpose.id,
              label: purpose.label[ui] ?? Object.values(purpose.label)[0] ?? purpose.id,
            }))
          : [...flow.data.map((data) => data.key), ...flow.variables.map((variable) => variable.key)].map((key) => ({
              value: key,
              label: key,
            }));
      for (const key of chosen)
        if (!choices.some((choice) => choice.value === key)) choices.push({ value: key, label: key });
      return (
        <fieldset>
          <legend>{label}</legend>
          {choices.length === 0 && <p className="muted">{text('none')}</p>}
          {choices.map((choice) => (
            <label key={choice.value} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(choice.value)}
                onChange={(event) =>
                  change(
                    [field.name],
                    event.target.checked ? [...chosen, choice.value] : chosen.filter((key) => key !== choice.value),
                  )
                }
              />
              <span dir="auto">{choice.label}</span>
            </label>
          ))}
        </fieldset>
      );
    }
    case 'mock':
      return <MockEditor id={id} label={label} />;
    default: {
      const multiline = field.name === 'body';
      const props = {
        id,
        dir: 'ltr' as const,
        value: typeof value === 'string' ? value : '',
        onCommit: (next: string) => change([field.name], next === '' && field.optional ? undefined : next),
        onRestore: back,
      };
      return (
        <>
          <label htmlFor={id}>{label}</label>
          {multiline ? <CommitTextArea rows={4} {...props} /> : <CommitInput type="text" {...props} />}
        </>
      );
    }
  }
}

/**
 * The answer the simulator uses for an http step: a status and a JSON body. The body is checked as
 * typed and written when the designer is done with it; JSON that does not parse is kept in the box
 * beside the reason and never written.
 */
function MockEditor({ id, label }: { id: string; label: string }) {
  const { node, change, restore } = useField();
  const text = useEditorText();
  const mock = valueAt(node, ['mock']) as { status?: number; body?: unknown } | undefined;
  const written = mock?.body === undefined ? '' : JSON.stringify(mock.body, null, 2);
  const write = (status: number | undefined, bodyValue: unknown) => {
    const next = {
      ...(status === undefined ? {} : { status }),
      ...(bodyValue === undefined ? {} : { body: bodyValue }),
    };
    change(['mock'], Object.keys(next).length === 0 ? undefined : next);
  };
  const body = useCommitDraft(
    written,
    (typed) => {
      const parsed = parseBody(typed);
      // Only the layout changed (spaces, line breaks): the same answer, so nothing to write or undo.
      if (parsed.ok && JSON.stringify(parsed.value) !== JSON.stringify(mock?.body)) write(mock?.status, parsed.value);
    },
    true,
    () => restore(['mock']),
  );
  const parsed = parseBody(body.draft);
  const problem = parsed.ok ? null : text('mock-json-invalid', { detail: parsed.detail });
  return (
    <fieldset>
      <legend>{label}</legend>
      <label htmlFor={`${id}-status`}>{text('mock-status')}</label>
      <CommitInput
        id={`${id}-status`}
        type="number"
        value={mock?.status === undefined ? '' : String(mock.status)}
        onCommit={(next) => write(next === '' ? undefined : Number(next), mock?.body)}
        onRestore={() => restore(['mock'])}
      />
      <label htmlFor={`${id}-body`}>{text('mock-body')}</label>
      <textarea id={`${id}-body`} dir="ltr" rows={4} aria-invalid={problem !== null || undefined} {...body.bind} />
      {problem && (
        <p className="field__problems" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

/** A mock body as typed: blank is no body; anything else must be JSON. */
function parseBody(typed: string): { ok: true; value: unknown } | { ok: false; detail: string } {
  if (typed.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(typed) as unknown };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : '' };
  }
}
