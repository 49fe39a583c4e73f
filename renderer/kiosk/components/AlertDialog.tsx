import { useEffect, useRef, type ReactNode } from 'react';

export interface AlertDialogProps {
  /** Prefix of the title's and body's ids (`<id>-title`, `<id>-body`), unique on the page. */
  id: string;
  title: ReactNode;
  body: ReactNode;
  /** What follows the body: a preview, a message, the answer buttons. */
  children: ReactNode;
  /** An opaque backdrop hides the screen behind (the idle warning: nobody reads the last answers). */
  opaque?: boolean;
}

/**
 * A modal question over the screen. Focus moves to its first button, so a screen reader
 * announces it and a key press answers it.
 */
export function AlertDialog({ id, title, body, children, opaque = false }: AlertDialogProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  useEffect(() => dialogRef.current?.querySelector('button')?.focus(), []);
  return (
    <div className={opaque ? 'kiosk-overlay kiosk-overlay--opaque' : 'kiosk-overlay'}>
      <div
        ref={dialogRef}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="kiosk-dialog"
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-body`}>{body}</p>
        {children}
      </div>
    </div>
  );
}
