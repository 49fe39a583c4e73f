import { describe, expect, it } from 'vitest';
import { renderHook } from '../testing/render-hook.js';
import { parkingForm } from '../testing/session-fixtures.js';
import type { Screen } from './flow.js';
import { useCoView } from './use-co-view.js';

const formKey = 'parken@1';

describe('useCoView', () => {
  it('shows the clerk the open step, its fields and what is answered elsewhere', async () => {
    const screen: Screen = { name: 'form', serviceId: 'parken', formKey, stepIndex: 1 };
    const hook = await renderHook(() => useCoView(parkingForm, screen, { name: 'Erika' }, 'de'), {});
    expect(hook.current).toEqual({
      title: 'Parken',
      step: 'Auto',
      fields: [
        { label: 'Name', value: 'Erika' },
        { label: 'Eigenes Auto?', value: '' },
        { label: 'Fahrzeugschein', value: '' },
      ],
    });
    await hook.unmount();
  });

  it('on the review, only what is answered; without a form, nothing', async () => {
    const review: Screen = { name: 'review', serviceId: 'parken', formKey };
    const hook = await renderHook(
      (p: { open: boolean }) => useCoView(p.open ? parkingForm : undefined, review, { ownCar: true }, 'de'),
      { open: true },
    );
    expect(hook.current).toEqual({
      title: 'Parken',
      step: 'review',
      fields: [{ label: 'Eigenes Auto?', value: 'true' }],
    });
    await hook.rerender({ open: false });
    expect(hook.current).toBeNull();
    await hook.unmount();
  });
});
