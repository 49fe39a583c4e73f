import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../testing/outbox.js';
import { renderHook, settle } from '../testing/render-hook.js';
import { parkingForm, photo } from '../testing/session-fixtures.js';
import { addDraftAttachment, DraftStore, type KioskDatabase } from '../storage/index.js';
import { initialSession, type SessionAction, type SessionState } from './flow.js';
import { useDraft, type DraftInput } from './use-draft.js';

const config = { locales: ['de', 'en'] as const, defaultLocale: 'de' as const, idleTimeoutSeconds: 120 };
const formKey = 'parken@1';

let db: KioskDatabase;
let drafts: DraftStore;
beforeEach(async () => {
  db = await openTestDatabase('use-draft');
  drafts = new DraftStore(db, 60_000);
  await db.forms.put({ ...parkingForm, key: formKey });
});
afterEach(() => db.delete());

/** The session's props; everything but the state stays the same object across renders, as in the kiosk. */
function session() {
  const stable = {
    db,
    drafts,
    config: { ...config, locales: [...config.locales] },
    stepCount: 2,
    dispatch: vi.fn<(action: SessionAction) => void>(),
    onSettled: vi.fn<() => void>(),
  };
  return (state: SessionState): DraftInput => ({ ...stable, state });
}
const input = (state: SessionState) => session()(state);

/** A draft as the kiosk stores it (sealed under the session key), last changed at `updatedAt`. */
async function storeDraft(updatedAt: Date, locale = 'en') {
  vi.useFakeTimers({ now: updatedAt, toFake: ['Date'] });
  try {
    const writer = new DraftStore(db, 0);
    writer.schedule({ locale, serviceId: 'parken', formKey, stepIndex: 1, answers: { name: 'Erika' } });
    await writer.flush();
  } finally {
    vi.useRealTimers();
  }
}

/** Until the restore has answered: the hook reports it through onSettled. */
async function mounted(props: DraftInput) {
  const settled = new Promise<void>((done) => vi.mocked(props.onSettled).mockImplementation(done));
  const hook = await renderHook(useDraft, props);
  await settle(() => settled);
  return hook;
}

describe('useDraft', () => {
  it('brings a citizen back to the step and answers of a fresh draft, in its language', async () => {
    await storeDraft(new Date());
    const props = input(initialSession('de'));
    const hook = await mounted(props);
    expect(hook.current.restoring).toBe(false);
    expect(props.dispatch).toHaveBeenCalledWith({
      type: 'resume',
      locale: 'en',
      serviceId: 'parken',
      formKey,
      stepIndex: 1,
      stepCount: 2,
      answers: { name: 'Erika' },
    });
    await hook.unmount();
  });

  it('discards a draft older than the idle timeout, files included, without resuming it', async () => {
    await storeDraft(new Date(Date.now() - 121_000));
    await addDraftAttachment(db, photo(1, 'registration'));
    const props = input(initialSession('de'));
    const hook = await mounted(props);
    expect(props.dispatch).not.toHaveBeenCalled();
    expect(await drafts.load()).toBeUndefined();
    expect(await db.draftAttachments.count()).toBe(0);
    expect(props.onSettled).toHaveBeenCalledTimes(1);
    await hook.unmount();
  });

  it('saves every change, and a new step at once', async () => {
    const form = (stepIndex: number, answers: Record<string, string>): SessionState => ({
      ...initialSession('de'),
      screen: { name: 'form', serviceId: 'parken', formKey, stepIndex },
      answers,
    });
    const props = session();
    const hook = await mounted(props(form(0, { name: 'E' })));
    // The first step is written at once: a reload right after starting the form comes back to it.
    // (settled waits for writes already under way; it writes nothing that is only scheduled.)
    await drafts.settled();
    expect((await drafts.load())?.answers).toEqual({ name: 'E' });
    await hook.rerender(props(form(0, { name: 'Erika' })));
    await drafts.settled();
    expect((await drafts.load())?.answers).toEqual({ name: 'E' }); // debounced: not yet
    await hook.rerender(props(form(1, { name: 'Erika' })));
    await settle(() => drafts.flush());
    expect(await drafts.load()).toMatchObject({ stepIndex: 1, answers: { name: 'Erika' } });
    expect(props(form(1, {})).dispatch).not.toHaveBeenCalled(); // the restore ran once, before the draft existed
    await hook.unmount();
  });

  it('discard forgets the draft and says its files changed', async () => {
    await storeDraft(new Date());
    const props = input(initialSession('de'));
    const hook = await mounted(props);
    await settle(() => hook.current.discard());
    expect(await drafts.load()).toBeUndefined();
    expect(props.onSettled).toHaveBeenCalledTimes(2);
    await hook.unmount();
  });
});
