import { useId } from 'react';
import type { ReactNode } from 'react';
import './ui.css';

/** What the Field hands to its control so label, help and error are wired up. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

export interface FieldProps {
  label: ReactNode;
  /** A hint shown under the label, read out after the label. */
  help?: ReactNode;
  /** A validation message; marks the control aria-invalid and is read out first after the label. */
  error?: ReactNode;
  /** Renders the control; spread the props onto it, e.g. (p) => <input {...p} className="pop-input" />. */
  children: (control: FieldControlProps) => ReactNode;
  className?: string;
}

/**
 * A labelled form control with optional help and error text, connected through
 * <label for> and aria-describedby so assistive technology reads all three together.
 */
export function Field({ label, help, error, children, className }: FieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  const describedBy = [hasError ? errorId : null, help ? helpId : null].filter(Boolean).join(' ');
  const classes = ['pop-field', hasError ? 'pop-field--invalid' : null, className].filter(Boolean).join(' ');

  return (
    <div className={classes}>
      <label className="pop-field__label" htmlFor={id}>
        {label}
      </label>
      {help && (
        <p className="pop-field__help" id={helpId}>
          {help}
        </p>
      )}
      {hasError && (
        <p className="pop-field__error" id={errorId}>
          {error}
        </p>
      )}
      {children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': hasError || undefined,
      })}
    </div>
  );
}
