/** The dispatcher's store in memory, for the simulator: each write is handed to a listener, as the change feed would. */
import type { CareRequest } from '../../src/domain/requests/schema';
import type { DispatchStore } from '../dispatch/dispatcher';

export class MemoryRequestStore implements DispatchStore {
  readonly requests = new Map<string, CareRequest>();

  /** `onWrite`: called after every stored write (the simulator queues it as a change). */
  constructor(private readonly onWrite: (request: CareRequest) => void) {}

  put(request: CareRequest): void {
    this.requests.set(request.id, request);
    this.onWrite(request);
  }

  async update(id: string, change: (request: CareRequest) => CareRequest | null | Promise<CareRequest | null>): Promise<CareRequest | null> {
    const current = this.requests.get(id);
    if (!current) return null;
    const next = await change(current);
    if (!next) return null;
    this.put(next);
    return next;
  }

  async open(): Promise<CareRequest[]> {
    return [...this.requests.values()].filter((r) => ['sent', 'searching', 'assigned'].includes(r.status));
  }

  /** Readers of patient blocks and threads do not matter here. */
  async refreshReaders(): Promise<void> {}
}
