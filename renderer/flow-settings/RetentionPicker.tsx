import { useState } from 'react';
import { CommitInput } from '../components/CommitInput.tsx';
import { useSettingsText } from './use-settings-text.ts';
import { isolated } from '../bidi/isolated.ts';

/** The retention presets (30, 90 and 365 days, 5 years), and any other number of days. */
const presets = [30, 90, 365, 1825];

export function RetentionPicker({
  fieldKey,
  days,
  onChange,
}: {
  fieldKey: string;
  days: number | undefined;
  onChange(days: number | undefined): void;
}) {
  const text = useSettingsText();
  const [custom, setCustom] = useState(days !== undefined && !presets.includes(days));
  const label = (value: number) => (value === 1825 ? text('five-years') : text('days', { days: value }));
  return (
    <div className="inventory__retention">
      <select
        aria-label={`${text('retention-days')}: ${isolated(fieldKey)}`}
        value={custom ? 'custom' : (days ?? '')}
        onChange={(event) => {
          const value = event.target.value;
          if (value === 'custom') return setCustom(true);
          setCustom(false);
          onChange(value === '' ? undefined : Number(value));
        }}
      >
        <option value="">{text('retention-none')}</option>
        {presets.map((preset) => (
          <option key={preset} value={preset}>
            {label(preset)}
          </option>
        ))}
        <option value="custom">{text('retention-custom')}</option>
      </select>
      {custom && (
        <CommitInput
          aria-label={`${text('retention-custom-days')}: ${isolated(fieldKey)}`}
          type="number"
          min={1}
          step={1}
          value={days === undefined ? '' : String(days)}
          onCommit={(value) => {
            const parsed = Number(value);
            if (Number.isInteger(parsed) && parsed > 0) onChange(parsed);
          }}
        />
      )}
    </div>
  );
}
