import { describe, expect, it } from 'vitest';
import { defaultFilterForm, filtersOf, monthsOf, nextDay } from './filter-form';

describe('dashboard filters', () => {
  it('defaults to the last 12 months up to today included', () => {
    expect(defaultFilterForm(Date.parse('2026-05-14T15:00:00Z'))).toEqual({ from: '2025-05-15', to: '2026-05-14', type: '', profession: '', commune: '', month: '' });
    expect(defaultFilterForm(Date.parse('2028-02-29T08:00:00Z'))).toMatchObject({ from: '2027-03-02', to: '2028-02-29' });
  });

  it('turns the inclusive end day into the domain’s exclusive end', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(filtersOf({ from: '2025-05-15', to: '2026-05-14', type: 'examen', profession: '10', commune: '57463', month: '2026-01' })).toEqual({
      from: '2025-05-15',
      to: '2026-05-15',
      type: 'examen',
      profession: '10',
      communeInsee: '57463',
      month: '2026-01',
    });
  });

  it('ignores what is unset or unreadable', () => {
    expect(filtersOf({ from: '', to: 'hier', type: '', profession: '', commune: '', month: '2026' })).toEqual({});
  });

  it('lists the months a period covers', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf({ from: '2026-02-01', to: '2025-11-15' })).toEqual([]);
  });
});
