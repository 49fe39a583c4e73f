import type { PowerSaveBlocker } from 'electron';
import {
  inputWakesDisplay,
  shouldKeepDisplayAwake,
  TOUCH_NOTE_INTERVAL_MS,
  type WeeklyHours,
} from '../policy/display-awake.js';
import type { Logger } from '../log.js';

/**
 * Keeps the display on while the terminal is open, lets it sleep outside those hours, and keeps
 * it on for a while after a touch. Takes powerSaveBlocker in its constructor, so tests hand in a
 * fake. The OS wakes a sleeping display on touch by itself; this service keeps it from falling
 * asleep again at once.
 */
export class DisplayAwakeService {
  private blockerId: number | null = null;
  private lastTouchAt: number | null = null;

  constructor(
    private readonly blocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>,
    private readonly options: { hours: readonly WeeklyHours[] | undefined; now: () => Date; log: Logger },
  ) {}

  /** Re-evaluates; call it every minute and after a touch. */
  update(): void {
    const awake = shouldKeepDisplayAwake(this.options.now(), this.options.hours, this.lastTouchAt);
    if (awake && this.blockerId === null) {
      this.blockerId = this.blocker.start('prevent-display-sleep');
      this.options.log.info('display kept awake');
    } else if (!awake && this.blockerId !== null) {
      if (this.blocker.isStarted(this.blockerId)) this.blocker.stop(this.blockerId);
      this.blockerId = null;
      this.options.log.info('display may sleep (outside opening hours)');
    }
  }

  /** Every input event of the kiosk window (webContents 'input-event'); cheap when it is noise. */
  noteInput(inputType: string): void {
    if (!inputWakesDisplay(inputType)) return;
    if (this.lastTouchAt !== null && this.options.now().getTime() - this.lastTouchAt < TOUCH_NOTE_INTERVAL_MS)
      return;
    this.noteTouch();
  }

  noteTouch(): void {
    this.lastTouchAt = this.options.now().getTime();
    this.update();
  }

  dispose(): void {
    if (this.blockerId !== null && this.blocker.isStarted(this.blockerId)) this.blocker.stop(this.blockerId);
    this.blockerId = null;
  }
}
