import { useState, type FormEvent } from 'react';
import { Button } from '../ui/index.js';

/** One chat message of a call; `other` is the clerk for the citizen and the citizen for the clerk. */
export interface ChatLine {
  id: string;
  from: 'me' | 'other';
  text: string;
}

export interface ChatPanelProps {
  lines: readonly ChatLine[];
  onSend(text: string): void;
  labels: { chat: string; chatInput: string; send: string; me: string; other: string };
  /** Class names of the side that shows it (kiosk or clerk desk). */
  classes: { root: string; log: string; form: string };
  /** A visible heading (the clerk desk has several panels; the kiosk shows only this one). */
  heading?: boolean;
}

/** The call's text chat for both sides: for deaf or hard-of-hearing citizens and as a fallback. */
export function ChatPanel({ lines, onSend, labels, classes, heading = false }: ChatPanelProps) {
  const [text, setText] = useState('');
  const send = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    onSend(trimmed);
    setText('');
  };
  return (
    <section aria-label={labels.chat} className={classes.root}>
      {heading && <h4>{labels.chat}</h4>}
      <ol aria-live="polite" className={classes.log}>
        {lines.map((line) => (
          <li key={line.id} data-from={line.from}>
            <strong>{line.from === 'me' ? labels.me : labels.other}:</strong> {line.text}
          </li>
        ))}
      </ol>
      <form onSubmit={send} className={classes.form}>
        <input
          aria-label={labels.chatInput}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={2000}
        />
        <Button type="submit">{labels.send}</Button>
      </form>
    </section>
  );
}
