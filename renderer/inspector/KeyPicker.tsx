import { useId, useState } from 'react';
import {
  applyEdit,
  findNode,
  setNodeField,
  validateNode,
  valueAt,
  type EditOp,
  type FieldPath,
} from '../../flows/edit/index.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { useEditorText } from '../editor/texts.ts';
import { useField } from './field-context.ts';

const declareNew = '\u0000declare';

/**
 * `saveAs` (or a set step's key) chosen from the declared data and variables, with "declare a new
 * one" in place: the declaration and the choice are one undo step.
 */
export function KeyPicker({ path, label, optional }: { path: FieldPath; label: string; optional?: boolean }) {
  const { flow, node, change, ui } = useField();
  const [problems, setProblems] = useState<string[]>([]);
  const text = useEditorText();
  const id = useId();
  const [declaring, setDeclaring] = useState(false);
  const [key, setKey] = useState('');
  const [personal, setPersonal] = useState(true);
  const current = valueAt(node, path);
  const keys = [...flow.data.map((field) => field.key), ...flow.variables.map((variable) => variable.key)];
  const declare = () => {
    const trimmed = key.trim();
    if (trimmed === '') return;
    const ops: EditOp[] = [];
    if (!keys.includes(trimmed)) {
      ops.push(
        personal
          ? {
              op: 'setFlowField',
              key: 'data',
              value: [
                ...flow.data,
                {
                  key: trimmed,
                  label: Object.fromEntries(flow.languages.map((language) => [language, trimmed])),
                  category: 'user',
                  purposes: [],
                  legalBasis: 'consent',
                },
              ],
            }
          : { op: 'setFlowField', key: 'variables', value: [...flow.variables, { key: trimmed }] },
      );
    }
    const declared = ops.reduce((current, op) => applyEdit(current, op).flow, flow);
    const chosen = setNodeField(declared, node.id, path, trimmed);
    const found = validateNode(declared, findNode(chosen.flow, node.id), ui);
    setProblems(found.map((problem) => problem.message));
    if (found.length > 0) return;
    useDocumentStore.getState().apply({ op: 'batch', ops: [...ops, chosen.op] });
    setDeclaring(false);
    setKey('');
  };
  return (
    <div className="key-picker">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={typeof current === 'string' ? current : ''}
        onChange={(event) => {
          if (event.target.value === declareNew) setDeclaring(true);
          else change(path, event.target.value === '' ? undefined : event.target.value);
        }}
      >
        {(optional || typeof current !== 'string') && (
          <option value="">{optional ? text('none') : text('choose')}</option>
        )}
        {typeof current === 'string' && !keys.includes(current) && <option value={current}>{current}</option>}
        {keys.map((candidate) => (
          <option key={candidate} value={candidate}>
            {candidate}
          </option>
        ))}
        <option value={declareNew}>{text('declare-new')}</option>
      </select>
      {declaring && (
        <div className="key-picker__declare" role="group" aria-label={text('declare-new')}>
          <label htmlFor={`${id}-new`}>{text('declare-new-key')}</label>
          <input
            id={`${id}-new`}
            type="text"
            dir="ltr"
            value={key}
            autoFocus
            onChange={(event) => setKey(event.target.value)}
          />
          <label>
            <input type="radio" name={`${id}-kind`} checked={personal} onChange={() => setPersonal(true)} />
            {text('declare-personal')}
          </label>
          <label>
            <input type="radio" name={`${id}-kind`} checked={!personal} onChange={() => setPersonal(false)} />
            {text('declare-variable')}
          </label>
          {problems.length > 0 && (
            <ul className="field__problems" role="alert">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          <button type="button" onClick={declare}>
            {text('declare')}
          </button>
          <button type="button" onClick={() => setDeclaring(false)}>
            {text('cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
