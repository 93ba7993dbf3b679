/** The key figures of the period: displayed text and raw value (what the tests and the CSV read). Pure. */
import type { Indicators } from '../domain/indicators/indicators';
import * as fr from '../i18n/fr';

const t = fr.indicators;

export interface Figure {
  key: string;
  label: string;
  value: number | null;
  text: string;
  detail?: string;
}

export function figuresOf(ind: Indicators): Figure[] {
  const n = ind.received;
  const count = (k: 'resolved' | 'unresolved' | 'cancelled' | 'expired', label: string): Figure => ({ key: k, label, value: ind[k], text: t.percent(ind.share[k]), detail: t.number(ind[k]) });
  const delay = ind.timeToFirstAcceptance;
  const f = ind.followUps;
  const ofAnswers = (key: string, label: string, value: number): Figure => ({ key, label, value, text: t.number(value), detail: t.ofFollowUpsAnswered(t.percent(f.answered ? value / f.answered : 0)) });
  return [
    { key: 'received', label: t.received, value: n, text: t.number(n) },
    count('resolved', t.resolved),
    count('unresolved', t.unresolved),
    count('cancelled', t.cancelled),
    count('expired', t.expired),
    { key: 'median', label: t.medianDelay, value: delay.medianMinutes, text: t.minutes(delay.medianMinutes) },
    { key: 'p90', label: t.p90Delay, value: delay.p90Minutes, text: t.minutes(delay.p90Minutes) },
    { key: 'within48h', label: t.within48h, value: ind.share.handledWithin48h, text: t.percent(ind.share.handledWithin48h) },
    { key: 'escalated', label: t.escalated, value: ind.escalated, text: t.number(ind.escalated) },
    { key: 'supervisor', label: t.bySupervisor, value: ind.resolvedBySupervisor, text: t.number(ind.resolvedBySupervisor), detail: t.ofResolutions(t.percent(ind.supervisorShareOfResolutions)) },
    { key: 'doctor', label: t.doctorFound, value: ind.patientsHelpedToFindDoctor, text: t.number(ind.patientsHelpedToFindDoctor) },
    { key: 'teleexpertise', label: t.teleexpertises, value: ind.teleexpertises, text: t.number(ind.teleexpertises) },
    { key: 'follow-ups-asked', label: t.followUpsAsked, value: f.asked, text: t.number(f.asked) },
    { key: 'follow-ups-answered', label: t.followUpsAnswered, value: f.answered, text: t.number(f.answered), detail: t.ofFollowUpsAsked(t.percent(f.answerRate)) },
    ofAnswers('covered', t.covered, f.covered),
    ofAnswers('emergency', t.emergency, f.emergency),
    ofAnswers('emergency-avoided', t.emergencyAvoided, f.emergencyAvoided),
    { key: 'active', label: t.activeMembers, value: ind.activeMembers, text: t.number(ind.activeMembers) },
    { key: 'answered', label: t.answered, value: ind.membersWhoAnswered, text: t.number(ind.membersWhoAnswered) },
  ];
}
