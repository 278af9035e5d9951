import { useId, useState } from 'react';
import { newHeaderName, renameHeader, valueAt } from '../../flows/edit/index.ts';
import { conditionOperators } from '../../flows/index.ts';
import { isolateNames } from '../bidi/isolate-names.tsx';
import { useEditorText, type EditorTextKey } from '../editor/texts.ts';
import { CommitInput } from '../components/CommitInput.tsx';
import { problemsAt, useField } from './field-context.ts';
import { FieldProblems } from './FieldProblems.tsx';
import { LangTextInput } from './LangTextInput.tsx';
import { isolated } from '../bidi/isolated.ts';

type Item = Record<string, unknown>;

function listAt(node: unknown, path: (string | number)[]): Item[] {
  const value = valueAt(node, path);
  return Array.isArray(value) ? (value as Item[]) : [];
}

/** A plain one-line input bound to a path below the step, written when the designer is done with it. */
function PathInput({ path, label, ltr = true }: { path: (string | number)[]; label: string; ltr?: boolean }) {
  const { node, change, restore, problems } = useField();
  const id = useId();
  const value = valueAt(node, path);
  const mine = problemsAt(problems, path);
  return (
    <div className="path-input">
      <label htmlFor={id}>{label}</label>
      <CommitInput
        id={id}
        type="text"
        dir={ltr ? 'ltr' : 'auto'}
        value={value === undefined ? '' : String(value)}
        aria-invalid={mine.length > 0 || undefined}
        aria-describedby={mine.length > 0 ? `${id}-problems` : undefined}
        onCommit={(next) => change(path, next)}
        onRestore={() => restore(path)}
      />
      <FieldProblems id={`${id}-problems`} problems={mine} />
    </div>
  );
}

function RemoveButton({ path, label }: { path: (string | number)[]; label: string }) {
  const { change } = useField();
  const text = useEditorText();
  return (
    <button
      type="button"
      className="remove"
      aria-label={`${text('remove')}: ${label}`}
      onClick={() => change(path, undefined)}
    >
      {text('remove')}
    </button>
  );
}

function AddButton({ path, item, label }: { path: (string | number)[]; item: Item; label: EditorTextKey }) {
  const { node, change } = useField();
  const text = useEditorText();
  return (
    <button type="button" onClick={() => change(path, [...listAt(node, path), item])}>
      {text(label)}
    </button>
  );
}

/** A fresh id for a new option, row or rule outcome: `option_2`, `option_3`… */
function nextId(prefix: string, taken: string[]): string {
  for (let n = taken.length + 1; ; n += 1) if (!taken.includes(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

function inLanguages(languages: readonly string[], words: string): Record<string, string> {
  return Object.fromEntries(languages.map((language) => [language, words]));
}

/** Reply buttons: each has an id (its way out) and a label in every language. */
export function OptionsEditor({ label }: { label: string }) {
  const { flow, node } = useField();
  const text = useEditorText();
  const options = listAt(node, ['options']);
  const ids = options.map((option) => String(option['id']));
  return (
    <fieldset className="list-editor">
      <legend>{label}</legend>
      {options.map((option, index) => (
        <div key={index} className="list-editor__item" role="group" aria-label={`${label} ${index + 1}`}>
          <PathInput path={['options', index, 'id']} label={text('option-id')} />
          <LangTextInput path={['options', index, 'label']} label={text('option-label')} />
          <RemoveButton path={['options', index]} label={isolated(String(option['id']))} />
        </div>
      ))}
      <AddButton
        path={['options']}
        label="add-option"
        item={{ id: nextId('option', ids), label: inLanguages(flow.languages, text('option-label')) }}
      />
    </fieldset>
  );
}

/** List menu sections, each with a title and rows (id, title, optional description). */
export function SectionsEditor({ label }: { label: string }) {
  const { flow, node } = useField();
  const text = useEditorText();
  const sections = listAt(node, ['sections']);
  const rowIds = sections.flatMap((section) => listAt(section, ['rows']).map((row) => String(row['id'])));
  return (
    <fieldset className="list-editor">
      <legend>{label}</legend>
      {sections.map((section, s) => (
        <div key={s} className="list-editor__item" role="group" aria-label={`${text('section-title')} ${s + 1}`}>
          <LangTextInput path={['sections', s, 'title']} label={text('section-title')} />
          {listAt(section, ['rows']).map((row, r) => (
            <div
              key={r}
              className="list-editor__item list-editor__item--nested"
              role="group"
              aria-label={`${text('row-title')} ${r + 1}`}
            >
              <PathInput path={['sections', s, 'rows', r, 'id']} label={text('option-id')} />
              <LangTextInput path={['sections', s, 'rows', r, 'title']} label={text('row-title')} />
              <LangTextInput path={['sections', s, 'rows', r, 'description']} label={text('row-description')} />
              <RemoveButton path={['sections', s, 'rows', r]} label={isolated(String(row['id']))} />
            </div>
          ))}
          <AddButton
            path={['sections', s, 'rows']}
            label="add-row"
            item={{ id: nextId('option', rowIds), title: inLanguages(flow.languages, text('row-title')) }}
          />
          <RemoveButton path={['sections', s]} label={`${text('section-title')} ${s + 1}`} />
        </div>
      ))}
      <AddButton
        path={['sections']}
        label="add-section"
        item={{
          title: inLanguages(flow.languages, text('section-title')),
          rows: [{ id: nextId('option', rowIds), title: inLanguages(flow.languages, text('row-title')) }],
        }}
      />
    </fieldset>
  );
}

/** Condition rules: a way out, a saved value, a test and what it is compared with. */
export function RulesEditor({ label }: { label: string }) {
  const { flow, node, change, restore } = useField();
  const text = useEditorText();
  const id = useId();
  const rules = listAt(node, ['rules']);
  const keys = [...flow.data.map((field) => field.key), ...flow.variables.map((variable) => variable.key)];
  return (
    <fieldset className="list-editor">
      <legend>{label}</legend>
      {rules.map((rule, index) => {
        const variable = String(rule['var'] ?? '');
        return (
          <div key={index} className="list-editor__item" role="group" aria-label={`${label} ${index + 1}`}>
            <PathInput path={['rules', index, 'outcome']} label={text('rule-outcome')} />
            <label htmlFor={`${id}-${index}-var`}>{text('rule-var')}</label>
            <select
              id={`${id}-${index}-var`}
              value={variable}
              onChange={(event) => change(['rules', index, 'var'], event.target.value)}
            >
              {!keys.includes(variable) && <option value={variable}>{variable}</option>}
              {keys.map((key) => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-${index}-op`}>{text('rule-op')}</label>
            <select
              id={`${id}-${index}-op`}
              value={String(rule['op'])}
              onChange={(event) => change(['rules', index, 'op'], event.target.value)}
            >
              {conditionOperators.map((op) => (
                <option key={op} value={op}>
                  {text(`op-${op}`)}
                </option>
              ))}
            </select>
            {rule['op'] !== 'exists' && (
              <>
                <label htmlFor={`${id}-${index}-value`}>{text('rule-value')}</label>
                <CommitInput
                  id={`${id}-${index}-value`}
                  type="text"
                  dir="auto"
                  value={rule['value'] === undefined ? '' : String(rule['value'])}
                  onCommit={(next) => change(['rules', index, 'value'], literal(next, String(rule['op'])))}
                  onRestore={() => restore(['rules', index, 'value'])}
                />
              </>
            )}
            <RemoveButton path={['rules', index]} label={isolated(String(rule['outcome']))} />
          </div>
        );
      })}
      <AddButton
        path={['rules']}
        label="add-rule"
        item={{
          outcome: nextId(
            'rule',
            rules.map((rule) => String(rule['outcome'])),
          ),
          var: keys[0] ?? 'answer',
          op: 'eq',
          value: '',
        }}
      />
    </fieldset>
  );
}

/** Numbers compared with gt and lt are kept as numbers; everything else as typed. */
function literal(value: string, op: string): string | number | undefined {
  if (value === '') return undefined;
  if ((op === 'gt' || op === 'lt') && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value;
}

/**
 * An http step's headers as name and value pairs. Each field is written when the designer is done
 * with it (leaving it or Enter: one undo step). A blank name, or one another header of the step has,
 * is refused beside the field with the reason and nothing is written, so no header is lost.
 */
export function HeadersEditor({ label }: { label: string }) {
  const { node, change, problems } = useField();
  const text = useEditorText();
  const id = useId();
  const [refusal, setRefusal] = useState<{ index: number; reason: 'blank' | 'taken'; name: string } | undefined>(
    undefined,
  );
  const headers = (valueAt(node, ['headers']) ?? {}) as Record<string, string>;
  const entries = Object.entries(headers);
  const write = (next: [string, string][]) => {
    setRefusal(undefined);
    change(['headers'], next.length === 0 ? undefined : Object.fromEntries(next));
  };
  const rename = (index: number, name: string) => {
    const renamed = renameHeader(entries, index, name);
    if (renamed.ok) return write(renamed.entries);
    setRefusal({ index, reason: renamed.reason, name: renamed.reason === 'taken' ? renamed.name : name });
  };
  return (
    <fieldset className="list-editor">
      <legend>{label}</legend>
      {entries.map(([name, value], index) => {
        // Worded when shown, so the reason follows the interface language; the name the designer
        // typed is isolated, so a Latin header name reads right inside an Arabic sentence.
        const refused =
          refusal?.index !== index
            ? undefined
            : refusal.reason === 'blank'
              ? text('header-blank')
              : isolateNames((names) => text('header-taken', names), { name: refusal.name });
        return (
          <div key={index} className="list-editor__item" role="group" aria-label={`${label} ${index + 1}`}>
            <label htmlFor={`${id}-${index}-name`}>{text('header-name')}</label>
            <CommitInput
              id={`${id}-${index}-name`}
              dir="ltr"
              value={name}
              aria-invalid={refused ? true : undefined}
              aria-describedby={refused ? `${id}-${index}-refused` : undefined}
              onCommit={(next) => rename(index, next)}
              onRestore={() => setRefusal(undefined)}
            />
            {refused && (
              <p id={`${id}-${index}-refused`} className="field__problems" role="alert">
                {refused}
              </p>
            )}
            <label htmlFor={`${id}-${index}-value`}>{text('header-value')}</label>
            <CommitInput
              id={`${id}-${index}-value`}
              dir="ltr"
              value={value}
              onCommit={(next) => write(entries.map((entry, i) => (i === index ? [entry[0], next] : entry)))}
            />
            <button
              type="button"
              aria-label={`${text('remove')}: ${isolated(name)}`}
              onClick={() => write(entries.filter((_, i) => i !== index))}
            >
              {text('remove')}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        onClick={() => write([...entries, [newHeaderName(entries, `X-Header-${entries.length + 1}`), '']])}
      >
        {text('add-header')}
      </button>
      <FieldProblems id={`${id}-problems`} problems={problemsAt(problems, ['headers'])} />
    </fieldset>
  );
}

/** What an http step keeps from the answer: a JSON path and the key it is saved as. */
export function MappingsEditor({ label }: { label: string }) {
  const { flow, node } = useField();
  const text = useEditorText();
  const mappings = listAt(node, ['saveResponse']);
  const firstKey = flow.variables[0]?.key ?? flow.data[0]?.key ?? 'answer';
  return (
    <fieldset className="list-editor">
      <legend>{label}</legend>
      {mappings.map((mapping, index) => (
        <div key={index} className="list-editor__item" role="group" aria-label={`${label} ${index + 1}`}>
          <PathInput path={['saveResponse', index, 'from']} label={text('mapping-from')} />
          <PathInput path={['saveResponse', index, 'to']} label={text('mapping-to')} />
          <RemoveButton path={['saveResponse', index]} label={isolated(String(mapping['to']))} />
        </div>
      ))}
      <AddButton path={['saveResponse']} label="add-mapping" item={{ from: '$.id', to: firstKey }} />
    </fieldset>
  );
}
