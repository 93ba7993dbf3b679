import { describe, expect, it } from 'vitest';
import { billingFor, isOverseas, TELEEXPERTISE_BILLING } from './teleexpertise-billing';

describe('what each side of a tele-expertise may bill', () => {
  it('gives the doctor who answers TE2 and the one who asks RQD, at the metropolitan rates', () => {
    expect(billingFor('requis', '10', '57463')).toMatchObject({ act: { code: 'TE2' }, euros: 23, allowed: true, profession: 'Médecin' });
    expect(billingFor('requerant', '10', '57463')).toMatchObject({ act: { code: 'RQD' }, euros: 10, allowed: true });
  });

  it('lets a nurse bill her request but not an opinion, and says so', () => {
    expect(billingFor('requerant', '60', '57463')).toMatchObject({ allowed: true, profession: 'Infirmier' });
    expect(billingFor('requis', '60', '57463')).toMatchObject({ act: { code: 'TE2' }, allowed: false });
    expect(billingFor('requerant', '21', '57463')).toMatchObject({ act: { code: 'RQD' }, allowed: false, profession: 'Pharmacien' });
  });

  it('uses the overseas rates for a patient in an overseas department', () => {
    expect(isOverseas('97411')).toBe(true);
    expect(isOverseas('57463')).toBe(false);
    expect(billingFor('requis', '10', '97411').euros).toBe(27.6);
    expect(billingFor('requerant', '50', '97209').euros).toBe(12);
  });

  it('keeps its sources and the date its rates apply from', () => {
    expect(TELEEXPERTISE_BILLING.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(TELEEXPERTISE_BILLING.sources.length).toBeGreaterThan(0);
    expect(TELEEXPERTISE_BILLING.sources.some((s) => 'url' in s && s.url.startsWith('https://www.ameli.fr/'))).toBe(true);
  });
});
