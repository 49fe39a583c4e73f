import type { OpeningInterval } from '../../../protocol/catalog.js';
import { WEEKDAYS, type Weekday } from '../../../protocol/clock.js';
import { Button } from '../../shared/ui/index.js';
import type { AdminTexts } from '../texts.js';

export interface HoursEditorProps {
  t: AdminTexts;
  legend: string;
  hours: OpeningInterval[];
  onChange: (hours: OpeningInterval[]) => void;
}

/** A weekly table of intervals: one row each, day and times; the hub refuses overlaps by row. */
export function HoursEditor({ t, legend, hours, onChange }: HoursEditorProps) {
  const set = (index: number, change: Partial<OpeningInterval>) =>
    onChange(hours.map((interval, i) => (i === index ? { ...interval, ...change } : interval)));
  return (
    <fieldset className="admin-hours">
      <legend>{legend}</legend>
      {hours.length === 0 && <p className="admin-hint">{t.hours.none}</p>}
      {hours.map((interval, index) => (
        <div className="admin-hours__row" key={index}>
          <label>
            <span className="pop-visually-hidden">
              {legend} {index + 1}:{' '}
            </span>
            {t.hours.day}{' '}
            <select
              className="pop-input"
              value={interval.day}
              onChange={(e) => set(index, { day: e.target.value as Weekday })}
            >
              {WEEKDAYS.map((day) => (
                <option key={day} value={day}>
                  {t.hours.days[day]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.hours.from}{' '}
            <input
              className="pop-input"
              type="time"
              value={interval.from}
              onChange={(e) => set(index, { from: e.target.value })}
            />
          </label>
          <label>
            {t.hours.to}{' '}
            <input
              className="pop-input"
              type="time"
              value={interval.to}
              onChange={(e) => set(index, { to: e.target.value })}
            />
          </label>
          <Button variant="danger" onClick={() => onChange(hours.filter((_, i) => i !== index))}>
            {t.hours.remove(index)}
          </Button>
        </div>
      ))}
      <Button onClick={() => onChange([...hours, { day: 'mon', from: '08:00', to: '12:00' }])}>
        {t.hours.add}
      </Button>
    </fieldset>
  );
}
