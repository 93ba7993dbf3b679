/**
 * What the dispatcher remembers of each member's recent alerts and answers: how many alerts this
 * week (their budget), and how often they answer (accept or decline), so the responsive and the
 * least disturbed come first. Kept in memory, fed by the dispatcher's own steps and the answers.
 */

export interface MemberActivity {
  /** Alerts in the 7 days before now. */
  alertsThisWeek: number;
  /** Alerts and answers since the ledger started, for the answer rate. */
  alerted: number;
  answered: number;
}

const WEEK = 7 * 24 * 3_600_000;

export class ActivityLedger {
  private readonly alerts = new Map<string, number[]>();
  private readonly totals = new Map<string, { alerted: number; answered: number }>();

  alerted(memberId: string, at: number): void {
    const times = this.alerts.get(memberId) ?? [];
    times.push(at);
    this.alerts.set(memberId, times);
    const total = this.totals.get(memberId) ?? { alerted: 0, answered: 0 };
    total.alerted++;
    this.totals.set(memberId, total);
  }

  answered(memberId: string): void {
    const total = this.totals.get(memberId) ?? { alerted: 0, answered: 0 };
    total.answered = Math.min(total.alerted, total.answered + 1);
    this.totals.set(memberId, total);
  }

  of(memberId: string, now: number): MemberActivity {
    const times = this.alerts.get(memberId);
    if (times?.length && times[0] <= now - WEEK) {
      const kept = times.filter((t) => t > now - WEEK);
      if (kept.length) this.alerts.set(memberId, kept);
      else this.alerts.delete(memberId);
    }
    const total = this.totals.get(memberId) ?? { alerted: 0, answered: 0 };
    return { alertsThisWeek: this.alerts.get(memberId)?.length ?? 0, ...total };
  }
}

/** The share of alerts answered, smoothed so a newcomer counts as one in two. */
export function answerRate(activity: MemberActivity): number {
  return (activity.answered + 1) / (activity.alerted + 2);
}
