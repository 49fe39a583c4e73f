import './ui.css';

export interface SpinnerProps {
  /** Text shown next to the wheel, e.g. "Wird geladen …"; without it the wheel is decoration only. */
  label?: string;
}

/**
 * A turning wheel. It announces nothing itself: put it inside a region with role="status"
 * (or a busy button) so screen readers hear the label once, not on every render.
 */
export function Spinner({ label }: SpinnerProps) {
  return (
    <span className="pop-spinner">
      <span className="pop-spinner__wheel" aria-hidden="true" />
      {label && <span>{label}</span>}
    </span>
  );
}
