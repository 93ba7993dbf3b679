/** What the registration API sends: the state a registering person follows, and the coordinators' approval queue. */
import type { FieldError } from '../validation';
import type { RegistrationDetails } from './schema';

export type RegistrationStatus = 'pending' | 'approved' | 'refused';

/** A registration as the person registering sees it (`/api/registrations/status`, `verify-phone`, `resend`). */
export interface RegistrationState {
  id: string;
  status: RegistrationStatus;
  email: string;
  /** The mobile with its middle digits hidden, for « code sent to 06 •• •• •• 78 ». */
  mobile: string;
  phoneVerified: boolean;
  emailVerified: boolean;
  smsLeft: number;
  emailLeft: number;
  warnings: FieldError[];
  reason?: string;
}

export interface RegistrationAnswer {
  registration: RegistrationState;
}

/** `POST /api/registrations`: the ticket lets this browser follow its registration. */
export interface RegistrationReceipt extends RegistrationAnswer {
  ticket: string;
}

/** `POST /api/registrations/verify-email`: the link may be opened on another device, so it reveals no more. */
export interface EmailVerificationAnswer {
  registration: Pick<RegistrationState, 'phoneVerified' | 'emailVerified' | 'status'>;
}

/** A registration in the coordinators' queue (`GET /api/registrations`). */
export interface RegistrationQueueItem {
  id: string;
  status: RegistrationStatus;
  createdAt: string;
  accountId: string;
  memberId: string;
  claimsInvited: boolean;
  displayName: string;
  professionLabel: string;
  details: RegistrationDetails;
  /** « RPPS 10000000017 », the check's result (all passed the validator; warnings listed apart). */
  identifiers: Array<{ kind: string; label: string; value: string }>;
  warnings: FieldError[];
  phoneVerifiedAt?: string;
  emailVerifiedAt?: string;
  locationApproximate: boolean;
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
}

export interface RegistrationQueue {
  registrations: RegistrationQueueItem[];
}

/** `POST /api/registrations/:id/approve` and `/refuse`: the registration as decided. */
export interface DecisionAnswer {
  registration: RegistrationQueueItem;
}
