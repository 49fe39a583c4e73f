import { describe, expect, it } from 'vitest';
import { demoContent } from '../../../demo/demo-content.js';
import { scopeResults } from './scope.js';

const services = demoContent.services;
const dogs = services.filter((s) => s.categoryId === 'tiere');
const idCard = services.find((s) => s.name.de === 'Personalausweis beantragen');

describe('scopeResults', () => {
  it('narrows to the chosen topic or life situation while nothing is typed', () => {
    expect(scopeResults(services, { kind: 'category', id: 'tiere' }, '  ')).toEqual({
      services: dogs,
      widened: false,
    });
    const moving = scopeResults(services, { kind: 'life', id: 'umzug' }, '').services;
    expect(moving.length).toBeGreaterThan(0);
    expect(moving.every((s) => s.lifeSituationIds.includes('umzug'))).toBe(true);
    expect(scopeResults(services, { kind: 'all' }, '').services).toBe(services);
  });

  it('searches every topic once something is typed, and says it widened the search', () => {
    if (!idCard) throw new Error('demo service missing');
    const result = scopeResults([idCard], { kind: 'category', id: 'tiere' }, 'Personalausweis');
    expect(result).toEqual({ services: [idCard], widened: true });
    expect(scopeResults([idCard], { kind: 'all' }, 'Personalausweis').widened).toBe(false);
  });
});
