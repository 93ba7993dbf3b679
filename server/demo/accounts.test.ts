import { describe, expect, it } from 'vitest';
import { validateMember } from '../../src/domain/members/validate';
import { sampleRequest } from '../../src/domain/requests/fixtures';
import type { CareRequest } from '../../src/domain/requests/schema';
import { defaultDeadline } from '../../src/domain/requests/types';
import { Dispatcher } from '../dispatch/dispatcher';
import { MemoryRequestStore } from '../simulation/store';
import { testLog } from '../testing/log';
import { testTerritory } from '../testing/territory';
import { mainCommune } from '../territory/load';
import { assignDemoMembers, coordinationMember, type DemoLogin } from './accounts';
import { generateDirectory } from './directory';

const territory = testTerritory();
const HOUR = 3_600_000;

/** The demo as `loadDemoData` writes it at `loadedAt`, with the member tied to each login. */
function demoLoadedAt(loadedAt: number) {
  const members = [coordinationMember(new Date(loadedAt), territory), ...generateDirectory(territory, 57_000, new Date(loadedAt))];
  const pairs = assignDemoMembers(members, territory, new Date(loadedAt));
  const byLogin = Object.fromEntries(pairs.map(({ account, member }) => [account.email.split('@')[0], member.id])) as Record<DemoLogin, string>;
  return { members, byLogin };
}

/** Whom the server's dispatcher alerts first for the demo GP's request, posted at `at` (its clock), the demo loaded at `loadedAt`. */
async function firstWave(loadedAt: number, at: number, request: Partial<CareRequest>): Promise<{ alerted: string[]; byLogin: Record<DemoLogin, string> }> {
  const { members, byLogin } = demoLoadedAt(loadedAt);
  const byId = new Map(members.map((m) => [m.id, m]));
  const store = new MemoryRequestStore(() => {});
  const dispatcher = new Dispatcher({
    store,
    directory: { all: () => members, get: (id) => byId.get(id) },
    coordinators: async () => ['m-coordination'],
    isCoordinator: async (id) => id === 'm-coordination',
    timeZone: territory.settings.timeZone,
    now: () => at,
    log: testLog,
  });
  const posted = sampleRequest({ requesterId: byLogin.generaliste, deadline: new Date(defaultDeadline('today', at)).toISOString(), createdAt: new Date(at).toISOString(), updatedAt: new Date(at).toISOString(), ...request });
  store.put(posted);
  await dispatcher.requestsReaction().run({ ...posted, _id: posted.id });
  const steps = store.requests.get(posted.id)!.dispatch!.steps;
  expect(steps[0].kind).toBe('circle');
  return { alerted: steps[0].alerted, byLogin };
}

/** The patient in the demo nurses' commune, placed as the form places a chosen commune: at its centre. */
const commune = mainCommune(territory);
const place = { commune: commune.name, communeInsee: commune.insee, lat: commune.centroid[1], lon: commune.centroid[0] };
const nursing: Partial<CareRequest> = { type: 'passage-infirmier', target: { professions: ['60'] }, urgency: 'today', place };
const dermatology: Partial<CareRequest> = { type: 'avis-specialise', target: { professions: ['10'], specialty: 'Dermatologie' }, urgency: 'today', place };

/** Moments in Paris (winter: UTC+1), in and out of everyone's hours. */
const MOMENTS = [
  ['Monday 10:00', Date.parse('2026-11-23T09:00:00Z')],
  ['Wednesday 22:30', Date.parse('2026-11-25T21:30:00Z')],
  ['Saturday 16:00', Date.parse('2026-11-28T15:00:00Z')],
  ['Sunday 03:00', Date.parse('2026-11-29T02:00:00Z')],
] as const;
/** How long before the request the demo was loaded: just now (a third of the directory said it was available), the day before (some on call tonight), weeks ago (nothing declared left). */
const LOADED_BEFORE = [
  ['just loaded', 0],
  ['loaded 3 h before', 3 * HOUR],
  ['loaded 30 h before', 30 * HOUR],
  ['loaded 3 weeks before', 21 * 24 * HOUR],
] as const;
const CASES = MOMENTS.flatMap(([moment, at]) => LOADED_BEFORE.map(([loaded, before]) => [`${moment}, ${loaded}`, at - before, at] as const));

describe('trying the loop alone with the demo accounts', () => {
  it('keeps the demo nurses’ and dermatologist’s entries valid, with hours every day of the week', () => {
    const { members, byLogin } = demoLoadedAt(MOMENTS[0][1]);
    for (const login of ['infirmiere', 'infirmier', 'specialiste'] as const) {
      const member = members.find((m) => m.id === byLogin[login])!;
      expect(validateMember(member).ok, login).toBe(true);
      expect(member.availability.weeklyHours, login).toHaveLength(7);
    }
  });

  it.each(CASES)('the demo GP’s « passage infirmier » for a patient in Metz alerts both demo nurses in the first wave (%s)', async (_, loadedAt, at) => {
    expect(commune.name).toBe('Metz');
    const { alerted, byLogin } = await firstWave(loadedAt, at, nursing);
    expect(alerted).toEqual(expect.arrayContaining([byLogin.infirmiere, byLogin.infirmier]));
  });

  it.each(CASES)('the demo GP’s dermatology opinion request alerts the demo dermatologist in the first wave (%s)', async (_, loadedAt, at) => {
    const { alerted, byLogin } = await firstWave(loadedAt, at, dermatology);
    expect(alerted).toContain(byLogin.specialiste);
  });
});
