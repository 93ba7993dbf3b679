/** What the requests API sends: a patient's earlier requests in the CPTS (`GET /api/requests/:id/history`). */
import type { RequestStatus } from './lifecycle';
import type { RequestType } from './types';

/** An earlier request for the same patient: what it was, when, where it stands — never the patient. */
export interface HistoryItem {
  id: string;
  type: RequestType;
  createdAt: string;
  status: RequestStatus;
  assigneeId?: string;
}

/** The earlier requests, newest first. */
export interface PatientHistory {
  requests: HistoryItem[];
}
