/**
 * Commands to a forked process over its IPC channel, both sides: the parent calls with `ChildRpc`,
 * the child answers with `serveCommands`. Used by the servers that tests and benchmarks run in a
 * process of their own (`killable-server.ts`, `remote-server.ts`).
 */
import type { ChildProcess } from 'node:child_process';

interface Command {
  id: number;
  command: string;
  args: unknown[];
}
interface Reply {
  id: number;
  result?: unknown;
  error?: string;
}

/** The parent's side: each call resolves with the child's result; calls still waiting fail when it exits. */
export class ChildRpc {
  private next = 0;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  constructor(readonly child: ChildProcess) {
    child.on('message', (m: Reply) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error) p?.reject(new Error(m.error));
      else p?.resolve(m.result);
    });
    child.on('exit', (code, signal) => {
      for (const p of this.pending.values()) p.reject(new Error(`server process exited (${code ?? signal})`));
      this.pending.clear();
    });
  }

  call<T>(command: string, ...args: unknown[]): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, command, args } satisfies Command);
    });
  }

  /** False once the process has exited (a crash during a run shows here). */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves once the process has exited, at once if it already has. */
  exited(): Promise<void> {
    return new Promise((resolve) => (this.alive ? this.child.once('exit', () => resolve()) : resolve()));
  }
}

/** The child's side: runs each command the parent sends and sends back its result, or its error with the command's name. */
export function serveCommands(commands: Record<string, (...args: never[]) => Promise<unknown>>): void {
  process.on('message', (message: Command) => {
    Promise.resolve()
      .then(() => (commands[message.command] as (...a: unknown[]) => Promise<unknown>)(...message.args))
      .then(
        (result) => process.send!({ id: message.id, result } satisfies Reply),
        (err: Error) => process.send!({ id: message.id, error: `${message.command}: ${err.stack ?? err.message}` } satisfies Reply),
      );
  });
}
