/**
 * A browser reduced to what sign-in flows across sites need: cookies kept per origin, redirects
 * followed by hand (so the test sees each step), JSON answers read.
 */
export interface Step {
  status: number;
  url: URL;
  location: URL | undefined;
  headers: Headers;
  body: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class Browser {
  /** Cookies by origin, then name (paths ignored: sending more cookies than a browser would is harmless here). */
  readonly cookies = new Map<string, Map<string, string>>();

  private jar(origin: string): Map<string, string> {
    let jar = this.cookies.get(origin);
    if (!jar) this.cookies.set(origin, (jar = new Map()));
    return jar;
  }

  cookie(origin: string, name: string): string | undefined {
    return this.cookies.get(new URL(origin).origin)?.get(name);
  }

  async send(method: string, url: string | URL, body?: unknown): Promise<Step> {
    const target = new URL(url);
    const jar = this.jar(target.origin);
    const headers: Record<string, string> = {};
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(target, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now()));
      if (expired || !value) jar.delete(name);
      else jar.set(name, value);
    }
    const location = res.headers.get('location');
    return { status: res.status, url: target, location: location ? new URL(location, target) : undefined, headers: res.headers, body: await res.text() };
  }

  /** Follows redirects from `url` until an answer that is not one, or a page of `stopOrigin` outside its API (the app's own pages). */
  async follow(url: string | URL, stopOrigin: string): Promise<{ steps: Step[]; landing: URL }> {
    const steps: Step[] = [];
    let next = new URL(url);
    for (let i = 0; i < 20; i++) {
      const step = await this.send('GET', next);
      steps.push(step);
      if (!REDIRECTS.has(step.status) || !step.location) return { steps, landing: step.url };
      next = step.location;
      if (next.origin === new URL(stopOrigin).origin && !next.pathname.startsWith('/api/')) return { steps, landing: next };
    }
    throw new Error('trop de redirections');
  }

  async json(method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> {
    const step = await this.send(method, url, body);
    return { status: step.status, json: step.body ? JSON.parse(step.body) : undefined };
  }
}
