import { useMemo } from 'react';
import { categoryTrail, fieldUsage, legalBasisName } from '../../flows/check/index.ts';
import { localText } from '../../flows/i18n/index.ts';
import { findCategory, type Flow } from '../../flows/index.ts';
import { stepTitle } from '../../flows/check/index.ts';
import { cardContext } from '../canvas/to-canvas.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { useViewportStore } from '../stores/viewport-store.ts';
import { useWorkingFlow } from './edit-flow.ts';
import { StepButton } from './StepButton.tsx';
import { useSettingsText } from './use-settings-text.ts';
import { isolated } from '../bidi/isolated.ts';

/**
 * The data map (DESIGN.md §6): every declared field with where it is collected, why, on what
 * basis, for how long, who receives it and which steps read it — one table a data-protection
 * officer can review and print. Steps are named by their cards' words, each choosing its step.
 */
export function DataMap() {
  const text = useSettingsText();
  const flow = useWorkingFlow();
  if (!flow) return null;
  return (
    <section className="data-map" aria-label={text('map-region')}>
      <header className="data-map__header">
        <h2>{text('map-title', { name: isolated(flow.name) })}</h2>
        <p className="muted">
          {text('map-controller', {
            controller: isolated(flow.controller.name),
            contact: isolated(flow.controller.contact),
          })}
          {flow.controller.dpo ? ` · ${text('map-dpo', { dpo: isolated(flow.controller.dpo) })}` : ''}
        </p>
        <button type="button" className="data-map__print" onClick={() => window.print()}>
          {text('map-print')}
        </button>
      </header>
      <DataMapTable flow={flow} />
    </section>
  );
}

function DataMapTable({ flow }: { flow: Flow }) {
  const text = useSettingsText();
  const language = useLanguageStore((state) => state.language);
  const cardLanguage = useViewportStore((state) => state.flowLanguage);
  const nodes = flow.nodes;
  const usage = useMemo(() => fieldUsage({ nodes }), [nodes]);
  const byId = useMemo(() => new Map(nodes.map((node) => [node.id, node])), [nodes]);
  const label = (map: Record<string, string> | undefined, fallback: string) =>
    localText(map, language, flow.languages) || fallback;
  const context = cardContext(flow, language, cardLanguage);
  const steps = (ids: readonly string[]) => {
    const named = [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
    if (named.length === 0) return '—';
    return (
      <ul className="data-map__steps">
        {named.map((node) => (
          <li key={node.id}>
            <StepButton node={node} title={stepTitle(node, context)} />
          </li>
        ))}
      </ul>
    );
  };
  if (flow.data.length === 0) return <p>{text('nothing-declared')}</p>;
  return (
    <div className="flow-settings__scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{text('column-key')}</th>
            <th scope="col">{text('column-category')}</th>
            <th scope="col">{text('map-collected')}</th>
            <th scope="col">{text('column-purposes')}</th>
            <th scope="col">{text('column-basis')}</th>
            <th scope="col">{text('column-retention')}</th>
            <th scope="col">{text('column-shared')}</th>
            <th scope="col">{text('map-read')}</th>
          </tr>
        </thead>
        <tbody>
          {flow.data.map((field) => {
            const used = usage.get(field.key);
            const category = findCategory(field.category);
            const recipients = (field.sharedWith ?? []).map((id) => {
              const recipient = flow.recipients.find((candidate) => candidate.id === id);
              return isolated(
                recipient ? `${recipient.name}${recipient.country ? ` (${recipient.country})` : ''}` : id,
              );
            });
            return (
              <tr key={field.key}>
                <th scope="row">
                  {label(field.label, field.key)}{' '}
                  <bdi dir="ltr" className="muted">
                    {field.key}
                  </bdi>
                </th>
                <td>
                  {category ? categoryTrail(category.key, language) : field.category}
                  {category?.sensitive && ` · ${text('sensitive')}`}
                  {category?.protectedIdentifier && ` · ${text('protected')}`}
                </td>
                <td>{steps(used?.collectedBy ?? [])}</td>
                <td>
                  {field.purposes.length === 0
                    ? '—'
                    : field.purposes
                        .map((id) => label(flow.purposes.find((purpose) => purpose.id === id)?.label, id))
                        .join('; ')}
                </td>
                <td>{legalBasisName(language, field.legalBasis)}</td>
                <td>{field.retentionDays === undefined ? '—' : text('days', { days: field.retentionDays })}</td>
                <td>{recipients.length === 0 ? '—' : recipients.join('; ')}</td>
                <td>{steps([...(used?.readBy ?? []), ...(used?.sharedBy ?? [])])}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
