/** Tests of the navigation per role: 4–5 phone tabs, nothing lost between the tabs and « Moi ». */
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../domain/session/user';
import { moreFor, sideLinksFor, tabsFor } from './navigation';

const member: SessionUser = { id: 'a', memberId: 'm', name: 'Dr Arthur Mathis', roles: ['member'] };
const coordinator: SessionUser = { ...member, roles: ['member', 'coordinator'] };
const hrefs = (list: { href: string }[]) => list.map((d) => d.href);

describe('navigation', () => {
  it('gives a doctor Demandes, Nouvelle, Annuaire, Carte, Moi', () => {
    expect(tabsFor(member, '10').map((d) => d.short ?? d.label)).toEqual(['Demandes', 'Nouvelle', 'Annuaire', 'Carte', 'Moi']);
  });

  it('gives a nurse her availability where a doctor has « Nouvelle »', () => {
    expect(hrefs(tabsFor(member, '60'))).toEqual(['/demandes', '/disponibilite', '/annuaire', '/carte', '/moi']);
    // The entry not read yet: the doctor's set, never an empty bar.
    expect(hrefs(tabsFor(member, undefined))).toEqual(hrefs(tabsFor(member, '10')));
  });

  it('gives a coordinator the console and the phone intake first', () => {
    expect(hrefs(tabsFor(coordinator, '10'))).toEqual(['/coordination/file', '/coordination/saisie', '/demandes', '/annuaire', '/moi']);
  });

  it('keeps every destination reachable on a phone: in a tab or under « Moi », never both', () => {
    for (const [user, profession] of [[member, '10'], [member, '60'], [coordinator, '10']] as const) {
      const tabs = hrefs(tabsFor(user, profession));
      expect(tabs.length).toBeGreaterThanOrEqual(4);
      expect(tabs.length).toBeLessThanOrEqual(5);
      const more = moreFor(user, profession);
      const all = sideLinksFor(user);
      const reachable = [...tabs, ...hrefs(more.member), ...hrefs(more.coordination)];
      expect(new Set(reachable).size).toBe(reachable.length);
      for (const href of [...hrefs(all.member), ...hrefs(all.coordination)]) expect(reachable).toContain(href);
    }
  });

  it('shows the coordination pages to coordinators only', () => {
    expect(sideLinksFor(member).coordination).toEqual([]);
    expect(hrefs(sideLinksFor(coordinator).coordination)).toContain('/coordination/inscriptions');
    expect(hrefs(sideLinksFor(coordinator).coordination)).toContain('/coordination/technique');
  });
});
