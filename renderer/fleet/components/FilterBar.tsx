import type { TerminalFilter } from '../filter.js';
import type { FleetTexts } from '../texts.js';

export interface FilterBarProps {
  t: FleetTexts;
  filter: TerminalFilter;
  onChange: (filter: TerminalFilter) => void;
}

export function FilterBar({ t, filter, onChange }: FilterBarProps) {
  return (
    <fieldset className="fleet-filters">
      <legend>{t.filters.legend}</legend>
      <label>
        {t.filters.search}
        <input
          className="pop-input"
          type="search"
          value={filter.search}
          onChange={(e) => onChange({ ...filter, search: e.target.value })}
        />
      </label>
      <label>
        {t.filters.state}
        <select
          className="pop-input"
          value={filter.state}
          onChange={(e) => onChange({ ...filter, state: e.target.value as TerminalFilter['state'] })}
        >
          <option value="all">{t.filters.all}</option>
          {Object.entries(t.states).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="fleet-filters__check">
        <input
          type="checkbox"
          checked={filter.alertsOnly}
          onChange={(e) => onChange({ ...filter, alertsOnly: e.target.checked })}
        />
        {t.filters.alertsOnly}
      </label>
    </fieldset>
  );
}
