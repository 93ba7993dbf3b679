/**
 * The development outbox: SMS and e-mails that no provider is configured to send are appended to
 * `DATA_DIR/outbox.jsonl`, for tests to read and for coordinators to see on their page.
 */
import { randomUUID } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutboxMessage } from '../../src/domain/notify/api';

/** Only the end of a large file is read: the page shows the latest messages. */
const MAX_READ_BYTES = 2 * 1024 * 1024;

export class Outbox {
  readonly file: string;
  /** Appends one after the other, so concurrent messages never interleave their lines. */
  private queue: Promise<void> = Promise.resolve();

  constructor(dataDir: string, private readonly now: () => Date = () => new Date()) {
    this.file = path.join(dataDir, 'outbox.jsonl');
  }

  async add(message: Omit<OutboxMessage, 'id' | 'sentAt'>): Promise<OutboxMessage> {
    const stored: OutboxMessage = { id: randomUUID(), ...message, sentAt: this.now().toISOString() };
    const line = JSON.stringify(stored) + '\n';
    this.queue = this.queue.then(() => appendFile(this.file, line, { mode: 0o600 }));
    await this.queue;
    return stored;
  }

  /** The latest messages, newest first. */
  async list(limit = 200): Promise<OutboxMessage[]> {
    let content: string;
    try {
      content = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    if (content.length > MAX_READ_BYTES) content = content.slice(content.indexOf('\n', content.length - MAX_READ_BYTES) + 1);
    const messages: OutboxMessage[] = [];
    for (const line of content.split('\n')) {
      if (!line.trim()) continue;
      try {
        messages.push(JSON.parse(line) as OutboxMessage);
      } catch {
        // A line cut by a crash mid-write: skipped, the others stay readable.
      }
    }
    return messages.reverse().slice(0, limit);
  }
}
