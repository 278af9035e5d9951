import { useEffect, useState } from 'react';
import type { Flow } from '../../flows/index.ts';
import type { FlowDocument } from '../../shared/api.ts';
import { amana } from '../bridge/amana.ts';
import { DataDiffList } from './DataDiffList.tsx';
import { exportedFlow } from './export-commands.ts';
import { useExportStore } from './export-store.ts';
import { useExportText } from './texts.ts';

type Baseline = 'current' | 'last-export';

/**
 * In version history: what the version on display changes for personal data, compared with the
 * current version or with the last export. An older version is compared with the current one by
 * default (what has changed since), the current version with the last export (what would ship).
 */
export function VersionDataDiff({ shown, currentVersion }: { shown: FlowDocument; currentVersion: number }) {
  const text = useExportText();
  const lastExport = useExportStore((state) => state.log[0] ?? null);
  const viewingCurrent = shown.version === currentVersion;
  const [chosen, setChosen] = useState<Baseline | null>(null);
  const baseline: Baseline = chosen ?? (viewingCurrent && lastExport ? 'last-export' : 'current');
  const [other, setOther] = useState<{ key: string; flow: Flow | null } | null>(null);
  const key = `${shown.flow.id}:${baseline}:${baseline === 'current' ? currentVersion : (lastExport?.id ?? 'none')}`;

  useEffect(() => {
    let live = true;
    const load = async () => {
      const flow =
        baseline === 'current'
          ? (await amana().getFlow(shown.flow.id)).flow
          : await exportedFlow(shown.flow.id, lastExport);
      if (live) setOther({ key, flow });
    };
    load().catch(() => live && setOther({ key, flow: null }));
    return () => {
      live = false;
    };
  }, [key, baseline, shown.flow.id, lastExport]);

  const options: { value: Baseline; label: string }[] = [
    { value: 'current', label: text('compare-current', { version: currentVersion }) },
    ...(lastExport?.version != null
      ? [{ value: 'last-export' as const, label: text('compare-last-export', { version: lastExport.version }) }]
      : []),
  ];
  const sameVersion =
    (baseline === 'current' && viewingCurrent) || (baseline === 'last-export' && lastExport?.version === shown.version);
  const loaded = other?.key === key ? other.flow : null;

  return (
    <section className="version-diff" aria-labelledby="version-diff-heading">
      <h3 id="version-diff-heading">{text('history-diff-heading')}</h3>
      <fieldset>
        <legend>{text('compare-with', { version: shown.version })}</legend>
        {options.map((option) => (
          <label key={option.value}>
            <input
              type="radio"
              name="version-diff-baseline"
              checked={baseline === option.value}
              onChange={() => setChosen(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {sameVersion ? (
        <p className="muted">{text('compare-same')}</p>
      ) : baseline === 'last-export' && !lastExport ? (
        <p className="muted">{text('diff-first-export')}</p>
      ) : (
        loaded &&
        (baseline === 'current' ? (
          <DataDiffList before={shown.flow} after={loaded} label={text('history-diff-heading')} />
        ) : (
          <DataDiffList before={loaded} after={shown.flow} label={text('history-diff-heading')} />
        ))
      )}
    </section>
  );
}
