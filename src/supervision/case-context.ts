/** What the sections of a coordinator's case page share: run an action, and the person the call form is about. */
import type { CoordinationInput } from './coordination';

export interface CaseContext {
  act(input: CoordinationInput): Promise<boolean>;
  callSubject(): string;
  setCallSubject(id: string): void;
}
