import type { Texts } from '../i18n/texts.js';
import { lengthNotice } from './length-notice.js';

export interface LengthNoteProps {
  t: Pick<Texts, 'charsUsed' | 'charsFull'>;
  value: string;
  max: number | undefined;
}

/** Under a field with a length limit: a live count near it, a clear word when it is reached. */
export function LengthNote({ t, value, max }: LengthNoteProps) {
  const notice = lengthNotice(value.length, max);
  return (
    <p className="kiosk-length" role="status" data-full={notice?.kind === 'full' || undefined}>
      {notice?.kind === 'full' ? t.charsFull(notice.max) : notice ? t.charsUsed(notice.used, notice.max) : ''}
    </p>
  );
}
