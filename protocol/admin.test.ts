import { describe, expect, it } from 'vitest';
import { ClerkInvite, OpeningHours } from './admin.js';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('OpeningHours', () => {
  it('takes a week of intervals, several a day', () => {
    const week = [
      { day: 'mon', from: '08:00', to: '12:00' },
      { day: 'mon', from: '13:00', to: '18:00' },
      { day: 'sat', from: '09:00', to: '11:30' },
    ];
    expect(OpeningHours.parse(week)).toEqual(week);
  });

  it.each([
    ['an interval that ends before it starts', [{ day: 'mon', from: '12:00', to: '08:00' }], '0.to'],
    ['an empty interval', [{ day: 'mon', from: '08:00', to: '08:00' }], '0.to'],
    ['24:00', [{ day: 'mon', from: '08:00', to: '24:00' }], '0.to'],
    ['a weekday in German', [{ day: 'Montag', from: '08:00', to: '12:00' }], '0.day'],
    [
      'overlapping intervals',
      [
        { day: 'tue', from: '08:00', to: '12:00' },
        { day: 'tue', from: '11:00', to: '13:00' },
      ],
      '1',
    ],
  ])('refuses %s, naming the place', (_what, hours, path) => {
    expect(paths(OpeningHours.safeParse(hours))).toContain(path);
  });
});

describe('ClerkInvite', () => {
  it('needs offices for a clerk but not for an admin', () => {
    expect(paths(ClerkInvite.safeParse({ username: 'eva', displayName: 'Eva', role: 'clerk' }))).toEqual([
      'officeIds',
    ]);
    expect(ClerkInvite.safeParse({ username: 'eva', displayName: 'Eva', role: 'admin' }).success).toBe(true);
  });
});
