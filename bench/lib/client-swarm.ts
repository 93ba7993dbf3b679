/** The parent's side of `client-swarm-process.ts`: long-poll clients in a child process of their own. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SwarmReport, SwarmRequest } from './client-swarm-process';

export class ClientSwarm {
  private readonly child: ChildProcess;
  private next = 0;
  private readonly pending = new Map<number, (polls: number) => void>();

  /** `onDocs`: the client `index` received these documents at `at` (the parent's `performance.now()`). */
  constructor(onDocs: (index: number, ids: string[], at: number) => void) {
    this.child = fork(fileURLToPath(new URL('./client-swarm-process.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: SwarmReport) => {
      if (m.type === 'docs') onDocs(m.index, m.ids, m.at - performance.timeOrigin);
      else {
        this.pending.get(m.id)?.(m.polls);
        this.pending.delete(m.id);
      }
    });
  }

  private send(request: SwarmRequest): void {
    this.child.send(request);
  }

  connect(clients: Array<{ index: number; base: URL; cookie: string; delayMs: number }>): void {
    this.send({ type: 'connect', clients: clients.map((c) => ({ ...c, base: c.base.href })) });
  }

  /** The polls the swarm's clients have made so far. */
  polls(): Promise<number> {
    const id = ++this.next;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ type: 'polls', id });
    });
  }

  stop(): void {
    if (this.child.connected) this.send({ type: 'stop' });
  }
}
