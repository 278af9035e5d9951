import { DataMap } from '../flow-settings/DataMap.tsx';
import { FlowSettings } from '../flow-settings/FlowSettings.tsx';
import { usePrivacyDockStore, type DockTab } from '../stores/privacy-dock-store.ts';
import { useProblemsStore } from '../stores/problems-store.ts';
import './privacy.css';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { useProblemsText } from './use-problems-text.ts';
import type { ProblemsTextKey } from './texts.ts';

const tabs: { id: DockTab; label: ProblemsTextKey }[] = [
  { id: 'problems', label: 'tab-problems' },
  { id: 'settings', label: 'tab-settings' },
  { id: 'data-map', label: 'tab-data-map' },
];

/** The privacy work under the canvas: the live Problems, the Flow settings and the Data map, as tabs. */
export function PrivacyDock() {
  const text = useProblemsText();
  const tab = usePrivacyDockStore((state) => state.tab);
  const show = usePrivacyDockStore((state) => state.show);
  const errors = useProblemsStore((state) => state.summary.errors);
  return (
    <div className="privacy-dock">
      <div className="privacy-dock__tabs" role="tablist" aria-label={text('dock-label')}>
        {tabs.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`dock-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`dock-panel-${id}`}
            onClick={() => show(id)}
          >
            {text(label)}
            {id === 'problems' && errors > 0 && <span className="problem-badge problem-badge--error">{errors}</span>}
          </button>
        ))}
      </div>
      <div className="privacy-dock__panel" role="tabpanel" id={`dock-panel-${tab}`} aria-labelledby={`dock-tab-${tab}`}>
        {tab === 'problems' ? <ProblemsPanel /> : tab === 'settings' ? <FlowSettings /> : <DataMap />}
      </div>
    </div>
  );
}
