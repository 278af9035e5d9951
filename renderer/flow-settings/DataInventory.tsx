import { fieldUsage, legalBasisName, suggestedCategory } from '../../flows/check/index.ts';
import { localText } from '../../flows/i18n/index.ts';
import {
  factsOf,
  findCategory,
  legalBases,
  textsOf,
  type DataField,
  type Flow,
  type FlowNode,
} from '../../flows/index.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { stepTitle, type StepTitle } from '../../flows/check/index.ts';
import { cardContext } from '../canvas/to-canvas.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { usePrivacyDockStore } from '../stores/privacy-dock-store.ts';
import { useViewportStore } from '../stores/viewport-store.ts';
import { CategoryPicker } from './CategoryPicker.tsx';
import { textDirection } from '../../flows/i18n/index.ts';
import { CommitInput } from '../components/CommitInput.tsx';
import { editFlow } from './edit-flow.ts';
import { withText } from './PurposesForm.tsx';
import { RetentionPicker } from './RetentionPicker.tsx';
import { StepButton } from './StepButton.tsx';
import { legalBasisExplained } from './texts.ts';
import { useSettingsText } from './use-settings-text.ts';
import { isolateNames } from '../bidi/isolate-names.tsx';
import { isolated } from '../bidi/isolated.ts';

/**
 * The data inventory (DESIGN.md §2, §6) as a table: each personal field with its names, kind of
 * data, purposes, legal basis (explained), retention and recipients, and the steps that use it.
 */
export function DataInventory({ flow }: { flow: Flow }) {
  const text = useSettingsText();
  // Reads every step: only again when the steps change, not at each edit of the settings.
  const nodes = flow.nodes;
  const usage = useMemo(() => fieldUsage({ nodes }), [nodes]);
  const setField = (key: string, change: Partial<DataField>) =>
    editFlow({
      op: 'setFlowField',
      key: 'data',
      value: flow.data.map((field) => (field.key === key ? { ...field, ...change } : field)),
    });
  const remove = (key: string) =>
    editFlow({ op: 'setFlowField', key: 'data', value: flow.data.filter((field) => field.key !== key) });
  const add = (key: string) => {
    const trimmed = key.trim();
    if (trimmed === '') return;
    editFlow({
      op: 'setFlowField',
      key: 'data',
      value: [
        ...flow.data,
        {
          key: trimmed,
          label: Object.fromEntries(flow.languages.map((tag) => [tag, trimmed])),
          category: suggestionFor(flow, trimmed) ?? 'user',
          purposes: [],
          legalBasis: 'consent',
        },
      ],
    });
  };
  return (
    <fieldset className="flow-settings__group inventory">
      <legend>{text('inventory-heading')}</legend>
      <p className="muted">{text('inventory-help')}</p>
      {flow.data.length === 0 ? (
        <p>{text('nothing-declared')}</p>
      ) : (
        <div className="flow-settings__scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{text('column-key')}</th>
                {flow.languages.map((language) => (
                  <th scope="col" key={language}>
                    {isolateNames((names) => text('column-label', names), { language })}
                  </th>
                ))}
                <th scope="col">{text('column-category')}</th>
                <th scope="col">{text('column-purposes')}</th>
                <th scope="col">{text('column-basis')}</th>
                <th scope="col">{text('column-retention')}</th>
                <th scope="col">{text('column-shared')}</th>
                <th scope="col">{text('column-used')}</th>
                <th scope="col">
                  <span className="visually-hidden">{text('column-remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {flow.data.map((field) => (
                <FieldRow
                  key={field.key}
                  flow={flow}
                  field={field}
                  used={usage.get(field.key)}
                  onChange={(change) => setField(field.key, change)}
                  onRemove={() => remove(field.key)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <label>
        {text('new-field-key')}
        <CommitInput dir="ltr" value="" onCommit={add} />
      </label>
    </fieldset>
  );
}

function FieldRow({
  flow,
  field,
  used,
  onChange,
  onRemove,
}: {
  flow: Flow;
  field: DataField;
  used: ReturnType<typeof fieldUsage> extends Map<string, infer Usage> ? Usage | undefined : never;
  onChange(change: Partial<DataField>): void;
  onRemove(): void;
}) {
  const text = useSettingsText();
  const language = useLanguageStore((state) => state.language);
  const row = useRef<HTMLTableRowElement>(null);
  const inView = usePrivacyDockStore((state) => state.fieldInView);
  useEffect(() => {
    if (inView?.key === field.key) row.current?.scrollIntoView({ block: 'nearest' });
  }, [inView, field.key]);
  // Reads every step's facts: only again when the steps change, not at each settings edit.
  const nodes = flow.nodes;
  const suggestion = useMemo(() => suggestionFor({ nodes }, field.key), [nodes, field.key]);
  const suggested =
    suggestion !== undefined && !within(field.category, suggestion) ? findCategory(suggestion) : undefined;
  const toggle = (list: string[] | undefined, id: string) =>
    list?.includes(id) ? list.filter((item) => item !== id) : [...(list ?? []), id];
  const cardLanguage = useViewportStore((state) => state.flowLanguage);
  const context = cardContext(flow, language, cardLanguage);
  const byId = useMemo(() => new Map(nodes.map((node) => [node.id, node])), [nodes]);
  const named = (ids: readonly string[], verb: string) =>
    ids.flatMap((id) => {
      const node = byId.get(id);
      return node ? [{ node, title: stepTitle(node, context), verb }] : [];
    });
  const steps = used
    ? [
        ...named(used.collectedBy, text('collects')),
        ...named(used.readBy, text('reads')),
        ...named(used.sharedBy, text('shares')),
      ]
    : [];
  return (
    <tr ref={row} data-field={field.key} aria-current={inView?.key === field.key ? 'true' : undefined}>
      <th scope="row">
        <bdi dir="ltr">{field.key}</bdi>
      </th>
      {flow.languages.map((tag) => (
        <td key={tag}>
          <CommitInput
            aria-label={`${text('column-label', { language: isolated(tag) })}: ${isolated(field.key)}`}
            lang={tag}
            dir={textDirection(tag)}
            value={field.label[tag] ?? ''}
            onCommit={(value) => onChange({ label: withText(field.label, tag, value) })}
          />
        </td>
      ))}
      <td>
        <CategoryPicker fieldKey={field.key} value={field.category} onChoose={(category) => onChange({ category })} />
        {suggested && (
          <p className="inventory__suggestion">
            {text('suggested', { category: suggested.label[language] })}{' '}
            <button type="button" onClick={() => onChange({ category: suggested.key })}>
              {text('use-suggestion')}
            </button>
          </p>
        )}
      </td>
      <td>
        {flow.purposes.map((purpose) => (
          <label key={purpose.id} className="inventory__check">
            <input
              type="checkbox"
              checked={field.purposes.includes(purpose.id)}
              onChange={() => onChange({ purposes: toggle(field.purposes, purpose.id) })}
            />
            {localText(purpose.label, language, flow.languages) || purpose.id}
          </label>
        ))}
      </td>
      <td>
        <select
          aria-label={`${text('column-basis')}: ${isolated(field.key)}`}
          value={field.legalBasis}
          onChange={(event) => {
            const basis = legalBases.find((candidate) => candidate === event.target.value);
            if (basis) onChange({ legalBasis: basis });
          }}
        >
          {legalBases.map((basis) => (
            <option key={basis} value={basis}>
              {legalBasisName(language, basis)}
            </option>
          ))}
        </select>
        <p className="inventory__help">{legalBasisExplained(language, field.legalBasis)}</p>
      </td>
      <td>
        <RetentionPicker
          fieldKey={field.key}
          days={field.retentionDays}
          onChange={(retentionDays) => onChange({ retentionDays })}
        />
      </td>
      <td>
        {flow.recipients.map((recipient) => (
          <label key={recipient.id} className="inventory__check">
            <input
              type="checkbox"
              checked={field.sharedWith?.includes(recipient.id) ?? false}
              onChange={() => onChange({ sharedWith: toggle(field.sharedWith, recipient.id) })}
            />
            {recipient.name}
          </label>
        ))}
      </td>
      <td>
        <FieldSteps steps={steps} />
      </td>
      <td>
        <button type="button" onClick={onRemove} aria-label={`${text('remove')}: ${isolated(field.key)}`}>
          {text('remove')}
        </button>
      </td>
    </tr>
  );
}

/** How many steps a field lists before “Show all”: a field a large flow uses everywhere stays one row. */
const stepsShown = 6;

/** The steps that collect, read and share a field; choosing one selects it on the canvas. */
function FieldSteps({ steps }: { steps: { node: FlowNode; title: StepTitle; verb: string }[] }) {
  const text = useSettingsText();
  const [all, setAll] = useState(false);
  if (steps.length === 0) return <span className="muted">{text('not-used')}</span>;
  const shown = all ? steps : steps.slice(0, stepsShown);
  return (
    <>
      <ul className="inventory__steps">
        {shown.map(({ node, title, verb }) => (
          <li key={`${verb}:${node.id}`}>
            <StepButton node={node} title={title}>
              {verb}
            </StepButton>
          </li>
        ))}
      </ul>
      {steps.length > stepsShown && (
        <button type="button" className="link" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? text('fewer-steps') : text('all-steps', { count: steps.length })}
        </button>
      )}
    </>
  );
}

const within = (key: string, root: string) => key === root || key.startsWith(`${root}.`);

/** The category the wording of the first question that collects the key suggests. */
function suggestionFor(flow: Pick<Flow, 'nodes'>, key: string): string | undefined {
  for (const node of flow.nodes) {
    const collection = factsOf(node).collects.find((candidate) => candidate.key === key);
    if (!collection) continue;
    return suggestedCategory(
      collection.input,
      textsOf(node).flatMap((site) => Object.values(site.text)),
    );
  }
  return undefined;
}
