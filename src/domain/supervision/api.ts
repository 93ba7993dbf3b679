/** What the roster API sends (`GET /api/roster`): who is on duty now, and the shifts not yet ended. */
import type { Shift } from './roster';

export interface RosterState {
  /** Member ids of the coordinators on duty now. */
  onDuty: string[];
  /** Shifts not yet ended, in order. */
  shifts: Shift[];
}
