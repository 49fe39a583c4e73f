import type { ButtonHTMLAttributes, MouseEvent } from 'react';
import { Spinner } from './Spinner.js';
import './ui.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger';
export type ButtonSize = 'medium' | 'large';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** primary: the one main action of a view; secondary: everything else; danger: destroys or cancels. */
  variant?: ButtonVariant;
  /** large: the kiosk touchscreen (64px high); medium: the desk (44px high). */
  size?: ButtonSize;
  /** Shows a spinner and ignores presses, but keeps the button focusable and its name unchanged. */
  busy?: boolean;
}

/**
 * A real <button>, `type="button"` unless told otherwise so it never submits a form by accident.
 * Usage: <Button variant="primary" busy={sending} type="submit">Anmelden</Button>
 */
export function Button({
  variant = 'secondary',
  size = 'medium',
  busy = false,
  type = 'button',
  className,
  onClick,
  children,
  ...rest
}: ButtonProps) {
  const classes = ['pop-button', `pop-button--${variant}`, `pop-button--${size}`, className]
    .filter(Boolean)
    .join(' ');

  // aria-disabled rather than disabled while busy: a disabled button drops keyboard focus to <body>.
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (busy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };

  return (
    <button
      {...rest}
      type={type}
      className={classes}
      onClick={handleClick}
      aria-busy={busy || undefined}
      aria-disabled={busy || rest['aria-disabled'] || undefined}
    >
      {busy && <Spinner />}
      {children}
    </button>
  );
}
