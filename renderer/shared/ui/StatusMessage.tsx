import type { ReactNode } from 'react';
import './ui.css';

export type StatusTone = 'info' | 'success' | 'warning' | 'error';

export interface StatusMessageProps {
  /** error renders role="alert" (announced at once); the others role="status" (announced politely). */
  tone?: StatusTone;
  /** Optional bold first line. */
  title?: string;
  children: ReactNode;
  className?: string;
}

/**
 * A message box for feedback. Render it only when there is something to say: live regions
 * announce what is inserted, so an empty box mounted ahead of time is not needed here.
 * Usage: {error && <StatusMessage tone="error">{error}</StatusMessage>}
 */
export function StatusMessage({ tone = 'info', title, children, className }: StatusMessageProps) {
  const classes = ['pop-status', `pop-status--${tone}`, className].filter(Boolean).join(' ');
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={classes}>
      {title && <strong className="pop-status__title">{title}</strong>}
      {children}
    </div>
  );
}
