/**
 * Several CouchDB nodes behind one connection: each request goes to the node in use; when a node
 * cannot be reached, the next one is used from then on, and a request that never reached the node
 * (a refused or timed-out connection, before any of its body was written) is sent to the next one
 * at once, whatever its method, since nothing of it was applied. A failure after the request was sent is the caller's (see READ_RETRIES).
 */
import { Agent, Dispatcher } from 'undici';

/** Errors raised before a request reaches the node. */
const NOT_SENT = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
/** Errors that say the node in use is gone, whether or not the request reached it. */
const NODE_GONE = new Set([...NOT_SENT, 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

const codeOf = (err: Error) => (err as { code?: string }).code ?? (err.cause as { code?: string } | undefined)?.code ?? '';

export class FailoverAgent extends Dispatcher {
  private current = 0;

  constructor(
    /** The nodes' origins, `http://host:port`, in order of preference. */
    private readonly origins: string[],
    /** Told when requests move to another node. */
    private readonly onSwitch: (from: string, to: string) => void = () => {},
    private readonly inner: Dispatcher = new Agent(),
  ) {
    super();
  }

  /** The node requests go to now. */
  get origin(): string {
    return this.origins[this.current];
  }

  dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandlers): boolean {
    return this.attempt(options, handler, 1);
  }

  private attempt(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandlers, attempt: number): boolean {
    const index = this.current;
    // A connection refused comes before any of the body is written (fetch hands it as a stream, read only once connected).
    let bodyWritten = false;
    const onError = (err: Error) => {
      const code = codeOf(err);
      if (NODE_GONE.has(code)) this.moveOn(index);
      if (NOT_SENT.has(code) && !bodyWritten && attempt < this.origins.length) this.attempt(options, handler, attempt + 1);
      else handler.onError?.(err);
    };
    const onBodySent = (chunkSize: number, totalBytesSent: number) => {
      bodyWritten = true;
      handler.onBodySent?.(chunkSize, totalBytesSent);
    };
    const wrapped = new Proxy(handler, {
      get(target, property, receiver) {
        if (property === 'onError') return onError;
        if (property === 'onBodySent') return onBodySent;
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return this.inner.dispatch({ ...options, origin: this.origins[index] }, wrapped);
  }

  /** Only once per failed node: concurrent failures of the same node move on by one. */
  private moveOn(failed: number): void {
    if (this.origins.length < 2 || failed !== this.current) return;
    this.current = (failed + 1) % this.origins.length;
    this.onSwitch(this.origins[failed], this.origins[this.current]);
  }

  close(): Promise<void>;
  close(callback: () => void): void;
  close(callback?: () => void): Promise<void> | void {
    if (callback) return void this.inner.close().then(callback);
    return this.inner.close();
  }

  destroy(): Promise<void>;
  destroy(err: Error | null): Promise<void>;
  destroy(callback: () => void): void;
  destroy(err: Error | null, callback: () => void): void;
  destroy(errOrCallback?: Error | null | (() => void), callback?: () => void): Promise<void> | void {
    const err = typeof errOrCallback === 'function' ? null : (errOrCallback ?? null);
    const done = typeof errOrCallback === 'function' ? errOrCallback : callback;
    if (done) return void this.inner.destroy(err).then(done);
    return this.inner.destroy(err);
  }
}
