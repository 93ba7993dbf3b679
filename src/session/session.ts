/**
 * The session store: the signed-in user, kept on the device so the app opens offline with the last
 * session; login starts sync, logout wipes the device. The data layer is imported on demand so the
 * login screen does not download the database.
 */
import { createContext, createSignal, useContext, type Accessor } from 'solid-js';
import { changedUser, type SessionUser } from '../domain/session/user';
import { log } from '../log';
import * as api from './api';

const USER_KEY = 'cpts.user.v1';

export interface Session {
  user: Accessor<SessionUser | null>;
  /** Throws the server's `HttpError` (status 0 when offline). */
  login(email: string, password: string): Promise<void>;
  /** Takes up a session the server opened by another way in (Pro Santé Connect); false when there is none. */
  adopt(): Promise<boolean>;
  /** Resolves with the address the browser must go to next (Pro Santé Connect's logout), if any. */
  logout(): Promise<string | null>;
  /** The user started typing their credentials: load the data layer meanwhile (see `prepare`). */
  prepare(): void;
}

function readStoredUser(): SessionUser | null {
  try {
    const raw = localStorage.getItem(USER_KEY);
    return raw ? (JSON.parse(raw) as SessionUser) : null;
  } catch {
    return null;
  }
}

function storeUser(user: SessionUser | null): void {
  if (user) localStorage.setItem(USER_KEY, JSON.stringify(user));
  else localStorage.removeItem(USER_KEY);
}

const localData = () => import('../data/local-data');

export function createSession(): Session {
  const [user, setUser] = createSignal<SessionUser | null>(readStoredUser());

  // Offline or not, a device with a stored session works on its local data and syncs when it can.
  if (user()) {
    void localData().then((data) => data.startLocalSync());
    void refresh();
  }

  /** Picks up a changed name or roles; an expired session is reported by the sync, offline changes nothing. */
  async function refresh(): Promise<void> {
    const changed = changedUser(user(), await api.currentUser().catch(() => null));
    if (changed) {
      storeUser(changed);
      setUser(changed);
    }
  }

  // Another tab logged out or in: follow it, so no tab keeps showing a wiped or foreign session.
  window.addEventListener('storage', (event) => {
    if (event.key !== USER_KEY && event.key !== null) return;
    const current = user();
    const next = readStoredUser();
    // This tab still holds the previous session's data in memory: start afresh.
    if (current && next?.id !== current.id) return location.assign('/connexion');
    if (!current && next) void localData().then((data) => data.startLocalSync());
    setUser(next);
  });

  /**
   * While the credentials are typed, the data layer's code is fetched and, on a device holding no
   * account's data (never used, or wiped at logout), the empty local database is opened and its sync
   * set up, its requests held: they go out as soon as the server accepts the password.
   */
  function prepare(): void {
    void localData()
      .then((data) => (readStoredUser() ? undefined : data.prepareLocalSync()))
      .catch(() => undefined);
  }

  async function login(email: string, password: string): Promise<void> {
    const [next, data] = await Promise.all([api.login(email, password, readStoredUser() === null), localData()]);
    await signIn(next, data);
  }

  async function adopt(): Promise<boolean> {
    const [next, data] = await Promise.all([api.currentUser(), localData()]);
    if (!next) return false;
    await signIn(next, data);
    return true;
  }

  async function signIn(next: SessionUser, data: Awaited<ReturnType<typeof localData>>): Promise<void> {
    const previous = readStoredUser();
    // The device holds what the previous account was allowed to read: never show it to another.
    if (previous && previous.id !== next.id) await data.wipeLocalData();
    storeUser(next);
    // Not awaited: the pages show local data as it arrives, the sync status reports problems. Before
    // the pages draw, so that a sync set up on the login page sends its requests at once.
    data.startLocalSync().catch((err: unknown) => log.error('sync.start', err));
    setUser(next);
  }

  async function logout(): Promise<string | null> {
    const { endSessionUrl } = await api.logout();
    await (await localData()).wipeLocalData();
    storeUser(null);
    setUser(null);
    return endSessionUrl;
  }

  return { user, login, adopt, logout, prepare };
}

export const SessionContext = createContext<Session>();

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside of <SessionContext.Provider>');
  return session;
}
