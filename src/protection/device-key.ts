/**
 * The device key of this page: released by the server to the signed-in session, or unwrapped with
 * the member's PIN when the app starts without network; held in memory only, never written in clear.
 * Until it is here, patient data stays locked (the directory and the request cards do not need it).
 */
import { createSignal } from 'solid-js';
import { onServerReachedAgain } from '../data/http';
import { ApiError, getJson } from '../data/json-api';
import type { DeviceKeyAnswer } from '../domain/devices/api';
import * as fr from '../i18n/fr';
import { log } from '../log';
import { databasePassword, pinProblem, unwrapWithPin, wrapWithPin, type WrappedKey } from './key-crypto';
import { createSealingKeys, unseal, type Sealed, type SealingKeys } from './sealing';

/** Waiting for the server's answer; here; or locked: offline (or the server unreachable), or the session expired. */
export type KeyState = { kind: 'waiting' } | { kind: 'ready' } | { kind: 'locked'; reason: 'offline' | 'expired' };

interface Held {
  secret: string;
  version: number;
  accountId: string;
  password: string;
}

/** The wrapped key, with the count of wrong PINs since the last right one. */
type StoredPin = WrappedKey & { failures: number };

const PIN_KEY = 'cpts.deviceKey.v1';
const PURGE_DAYS_KEY = 'cpts.purgeDays.v1';
const SEALING_KEY = 'cpts.sealing.v1';
const MAX_PIN_FAILURES = 5;
const RETRY_MS = 30_000;

function readPin(): StoredPin | null {
  try {
    const raw = localStorage.getItem(PIN_KEY);
    return raw ? (JSON.parse(raw) as StoredPin) : null;
  } catch {
    return null;
  }
}

const [state, setState] = createSignal<KeyState>({ kind: 'waiting' });
const [pin, setPinRecord] = createSignal<StoredPin | null>(readPin());
const [purgeDays, setPurgeDays] = createSignal<number | null>(Number(localStorage.getItem(PURGE_DAYS_KEY)) || null);

export const keyState = state;
/** Whether a PIN can open patient data on this device without network. */
export const hasPin = () => pin() !== null;
/** Days after closing that a case leaves devices (the server's setting, last known). */
export const purgeAfterDays = purgeDays;

let held: Held | null = null;
let waiters: Array<(key: Held) => void> = [];
let fetching = false;
/** An `online` event arrived while a request was under way. */
let fetchAgain = false;
let started = false;
let retry: ReturnType<typeof setTimeout> | undefined;

function storePin(record: StoredPin | null): void {
  if (record) localStorage.setItem(PIN_KEY, JSON.stringify(record));
  else localStorage.removeItem(PIN_KEY);
  setPinRecord(record);
}

function readSealingKeys(): SealingKeys | null {
  try {
    const raw = localStorage.getItem(SEALING_KEY);
    return raw ? (JSON.parse(raw) as SealingKeys) : null;
  } catch {
    return null;
  }
}

/** What is written while the key is away is sealed with a pair made while it was here (sealing.ts). */
async function keepSealingKeys(secret: string, version: number, accountId: string): Promise<void> {
  const keys = readSealingKeys();
  if (keys && keys.accountId === accountId && keys.version === version) return;
  localStorage.setItem(SEALING_KEY, JSON.stringify(await createSealingKeys(secret, version, accountId)));
}

/** The public half of the sealing pair, to write while locked; null on a device that never had the key. */
export function sealingKeys(): SealingKeys | null {
  return readSealingKeys();
}

/** Opens sealed texts once the key is here (it waits for it); null for one sealed under another key. */
export async function unsealWithDeviceKey(sealed: readonly Sealed[]): Promise<Array<string | null>> {
  const key = await databaseKey();
  const keys = readSealingKeys();
  const secret = held?.secret;
  return keys && secret && keys.version === key.version ? unseal(keys, secret, sealed) : sealed.map(() => null);
}

async function hold(secret: string, version: number, accountId: string): Promise<void> {
  held = { secret, version, accountId, password: await databasePassword(secret, accountId) };
  await keepSealingKeys(secret, version, accountId).catch((err: unknown) => log.error('sealing-keys.create', err));
  clearTimeout(retry);
  setState({ kind: 'ready' });
  const ready = waiters;
  waiters = [];
  ready.forEach((resolve) => resolve(held!));
}

async function fetchFromServer(): Promise<void> {
  if (held || !started) return;
  // The network came back while a request was failing: ask again as soon as it has failed.
  if (fetching) return void (fetchAgain = true);
  fetching = true;
  fetchAgain = false;
  clearTimeout(retry);
  try {
    const answer = await getJson<DeviceKeyAnswer>('/session/device-key');
    localStorage.setItem(PURGE_DAYS_KEY, String(answer.purgeAfterDays));
    setPurgeDays(answer.purgeAfterDays);
    // A PIN set under an older key (replaced at a password reset) would unlock nothing.
    const record = pin();
    if (record && (record.version !== answer.version || record.accountId !== answer.accountId)) storePin(null);
    if (started && !held) await hold(answer.key, answer.version, answer.accountId);
  } catch (err) {
    if (held || !started) return;
    const expired = err instanceof ApiError && err.status === 401;
    setState({ kind: 'locked', reason: expired ? 'expired' : 'offline' });
    // A server restarting or unreachable behind a working network sends no `online` event: try again.
    if (!expired) retry = setTimeout(() => void fetchFromServer(), RETRY_MS);
  } finally {
    fetching = false;
    if (fetchAgain) void fetchFromServer();
  }
}

window.addEventListener('online', () => void fetchFromServer());
// The sync's long-poll often sees the network back before the browser says so (if it ever does).
onServerReachedAgain(() => void fetchFromServer());

/** Asks the server for the key (after login, and at each start of a signed-in app); a no-op once it is here. */
export function startDeviceKey(): void {
  started = true;
  void fetchFromServer();
}

/** The database password, as soon as the key is here. */
export function databaseKey(): Promise<{ password: string; version: number }> {
  if (held) return Promise.resolve(held);
  return new Promise((resolve) => waiters.push(resolve));
}

/** Opens patient data with the PIN; null when it worked, otherwise why not (in French). */
export async function unlockWithPin(code: string): Promise<string | null> {
  const record = pin();
  if (!record) return fr.protection.pinNone;
  if (held) return null;
  const secret = await unwrapWithPin(record, code);
  if (!secret) {
    const failures = record.failures + 1;
    if (failures >= MAX_PIN_FAILURES) {
      // Guessing on the device ends here: the network (and the session) is then the only way in.
      storePin(null);
      return fr.protection.pinErased;
    }
    storePin({ ...record, failures });
    return fr.protection.pinWrong(MAX_PIN_FAILURES - failures);
  }
  storePin({ ...record, failures: 0 });
  await hold(secret, record.version, record.accountId);
  return null;
}

/** Sets (or replaces) the PIN that opens patient data offline; null when done, otherwise why not. */
export async function setPin(code: string, confirmation: string): Promise<string | null> {
  if (!held) return fr.protection.pinNeedsKey;
  const problem = pinProblem(code);
  if (problem) return problem;
  if (code !== confirmation) return fr.protection.pinMismatch;
  storePin({ ...(await wrapWithPin(held.secret, held.version, held.accountId, code)), failures: 0 });
  return null;
}

export function removePin(): void {
  storePin(null);
}

/** Logout or another account: the key leaves memory, the PIN's record leaves the device. */
export function forgetDeviceKey(): void {
  started = false;
  held = null;
  waiters = [];
  clearTimeout(retry);
  storePin(null);
  localStorage.removeItem(PURGE_DAYS_KEY);
  localStorage.removeItem(SEALING_KEY);
  setState({ kind: 'waiting' });
}
