/** A device's batch of error reports, checked against its schema and scrubbed again (the server trusts no client), made into entries to keep. */
import { clientErrorBatchSchemaLiteral, DROPPED_EVENT, type ClientErrorBatch, type ClientErrorEntry } from '../../src/domain/client-log/api';
import { scrubMessage, scrubName, scrubRoute } from '../../src/domain/client-log/scrub';
import type { SessionUser } from '../../src/domain/session/user';
import { createValidator, describeErrors } from '../../src/domain/validation';
import { objectBody } from '../http/body';
import { badRequest } from '../http/errors';

/** An entry before the store gives it its id and the time it was received. */
export type NewEntry = Omit<ClientErrorEntry, 'id' | 'receivedAt'>;

const validate = createValidator<ClientErrorBatch>(clientErrorBatchSchemaLiteral);

/** The batch, or a 400 whose French message names the first wrong fields. */
export function parseBatch(body: unknown): ClientErrorBatch {
  const checked = validate(objectBody(body));
  if (!checked.ok) throw badRequest(describeErrors(checked.errors), checked.errors);
  return checked.value;
}

const PLATFORMS: Array<[RegExp, string]> = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/CrOS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Macintosh|Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
];
const BROWSERS: Array<[RegExp, string]> = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

/** « Android · Chrome »: the system and the browser, without versions (enough to reproduce, too little to single out a device). */
export function deviceOf(userAgent: string | undefined): string | undefined {
  if (!userAgent) return undefined;
  const platform = PLATFORMS.find(([re]) => re.test(userAgent))?.[1] ?? 'autre système';
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1] ?? 'autre navigateur';
  return `${platform} · ${browser}`;
}

/** The batch's reports as entries, scrubbed again, with who sent them and from what; a count of dropped reports becomes one more entry. */
export function entriesOf(batch: ClientErrorBatch, user: SessionUser, userAgent: string | undefined, now: number): NewEntry[] {
  const from = { memberId: user.memberId, memberName: user.name, ...(deviceOf(userAgent) ? { device: deviceOf(userAgent) } : {}) };
  const entries: NewEntry[] = batch.reports.map((r) => ({
    event: r.event,
    name: scrubName(r.name),
    message: scrubMessage(r.message),
    ...(r.route !== undefined ? { route: scrubRoute(r.route) } : {}),
    ...(r.appVersion !== undefined ? { appVersion: r.appVersion } : {}),
    at: r.at,
    count: r.count,
    ...from,
  }));
  if (batch.dropped) entries.push({ event: DROPPED_EVENT, name: 'Error', message: '', at: new Date(now).toISOString(), count: batch.dropped, ...from });
  return entries;
}
