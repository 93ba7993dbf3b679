/** This instance's id, kept in DATA_DIR: a server restarted on the same files takes its lease back at once. */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export function instanceId(dataDir: string): string {
  const file = path.join(dataDir, 'instance-id');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const id = `${hostname()}-${randomUUID().slice(0, 8)}`;
  writeFileSync(file, id + '\n');
  return id;
}
