import { useId, useState } from 'react';
import { valueAt } from '../../flows/edit/index.ts';
import type { FieldForm } from '../../flows/index.ts';
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
  const help = <p className="field__help muted" id={`${id}-help`}>{field.help[ui]}</p>;
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
  const { flow, ui, change } = useField();
  const text = useEditorText();
  const burst = field.name;
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
          <input
            id={id}
            type="number"
            value={typeof value === 'number' ? value : ''}
            onChange={(event) =>
              change([field.name], event.target.value === '' ? undefined : Number(event.target.value), burst)
            }
          />
        </>
      );
    case 'recipient':
      return (
        <>
          <label htmlFor={id}>{label}</label>
          <select id={id} value={String(value ?? '')} onChange={(event) => change([field.name], event.target.value)}>
            {!flow.recipients.some((recipient) => recipient.id === value) && <option value={String(value ?? '')}>{String(value ?? '')}</option>}
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
          ? flow.purposes.map((purpose) => ({ value: purpose.id, label: purpose.label[ui] ?? Object.values(purpose.label)[0] ?? purpose.id }))
          : [...flow.data.map((data) => data.key), ...flow.variables.map((variable) => variable.key)].map((key) => ({ value: key, label: key }));
      for (const key of chosen) if (!choices.some((choice) => choice.value === key)) choices.push({ value: key, label: key });
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
        onChange: (event: { target: { value: string } }) =>
          change([field.name], event.target.value === '' && field.optional ? undefined : event.target.value, burst),
      };
      return (
        <>
          <label htmlFor={id}>{label}</label>
          {multiline ? <textarea rows={4} {...props} /> : <input type="text" {...props} />}
        </>
      );
    }
  }
}

/** The answer the simulator uses for an http step: a status and a JSON body, checked as typed. */
function MockEditor({ id, label }: { id: string; label: string }) {
  const { node, change } = useField();
  const text = useEditorText();
  const mock = valueAt(node, ['mock']) as { status?: number; body?: unknown } | undefined;
  const [body, setBody] = useState(() => (mock?.body === undefined ? '' : JSON.stringify(mock.body, null, 2)));
  const [problem, setProblem] = useState<string | null>(null);
  const write = (status: number | undefined, bodyValue: unknown) => {
    const next = { ...(status === undefined ? {} : { status }), ...(bodyValue === undefined ? {} : { body: bodyValue }) };
    change(['mock'], Object.keys(next).length === 0 ? undefined : next, 'mock');
  };
  return (
    <fieldset>
      <legend>{label}</legend>
      <label htmlFor={`${id}-status`}>{text('mock-status')}</label>
      <input
        id={`${id}-status`}
        type="number"
        value={mock?.status ?? ''}
        onChange={(event) => write(event.target.value === '' ? undefined : Number(event.target.value), mock?.body)}
      />
      <label htmlFor={`${id}-body`}>{text('mock-body')}</label>
      <textarea
        id={`${id}-body`}
        dir="ltr"
        rows={4}
        value={body}
        aria-invalid={problem !== null || undefined}
        onChange={(event) => {
          setBody(event.target.value);
          if (event.target.value.trim() === '') {
            setProblem(null);
            write(mock?.status, undefined);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(event.target.value);
            setProblem(null);
            write(mock?.status, parsed);
          } catch (error) {
            setProblem(text('mock-json-invalid', { detail: error instanceof Error ? error.message : '' }));
          }
        }}
      />
      {problem && (
        <p className="field__problems" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
