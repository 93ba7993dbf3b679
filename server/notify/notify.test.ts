import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { OutboxMailer, SmtpMailer } from './mail';
import { createNotifier } from './notifier';
import { Outbox } from './outbox';
import { HttpSmsProvider, internationalNumber, OutboxSmsProvider } from './sms';
import { testLog } from '../testing/log';

const dir = () => mkdtempSync(path.join(tmpdir(), 'cpts-outbox-'));

describe('development outbox', () => {
  it('appends JSON lines and lists them newest first, skipping a line cut by a crash', async () => {
    const d = dir();
    let t = 0;
    const outbox = new Outbox(d, () => new Date(Date.UTC(2026, 0, 1, 0, 0, t++)));
    await new OutboxSmsProvider(outbox).send('06 12 34 56 78', 'code 123456');
    await new OutboxMailer(outbox).send({ to: 'a@example.fr', subject: 'Objet', text: 'lien' });
    const file = readFileSync(outbox.file, 'utf8').split('\n').filter(Boolean);
    expect(file.map((l) => JSON.parse(l).channel)).toEqual(['sms', 'email']);
    appendFileSync(outbox.file, '{"cut":');
    const listed = await outbox.list();
    expect(listed.map((m) => m.channel)).toEqual(['email', 'sms']);
    expect(listed[1]).toMatchObject({ to: '06 12 34 56 78', text: 'code 123456', sentAt: '2026-01-01T00:00:00.000Z' });
  });

  it('lists nothing before the first message', async () => {
    expect(await new Outbox(dir()).list()).toEqual([]);
  });
});

describe('SMS over HTTP', () => {
  it('posts {to, text} as JSON with the bearer token, in international form, and throws on a refusal', async () => {
    const received: Array<{ auth?: string; body: string }> = [];
    let status = 200;
    const srv = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ auth: req.headers.authorization, body });
        res.writeHead(status).end('{}');
      });
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(srv.address() as { port: number }).port}/send`;
    const provider = new HttpSmsProvider(url, 'jeton-secret');
    await provider.send('06 12 34 56 78', 'Bonjour');
    expect(received[0]).toEqual({ auth: 'Bearer jeton-secret', body: JSON.stringify({ to: '+33612345678', text: 'Bonjour' }) });
    status = 503;
    // The error names the status only, never the text (it may hold a code).
    await expect(provider.send('06 12 34 56 78', 'code 123456')).rejects.toThrow(/^passerelle SMS : HTTP 503$/);
    srv.close();
  });

  it('sends the message key as the Idempotency-Key header, and the outbox keeps it', async () => {
    const keys: Array<string | undefined> = [];
    const srv = createServer((req, res) => {
      keys.push(req.headers['idempotency-key'] as string | undefined);
      req.resume().on('end', () => res.writeHead(200).end('{}'));
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const provider = new HttpSmsProvider(`http://127.0.0.1:${(srv.address() as { port: number }).port}/`, 't');
    await provider.send('06 12 34 56 78', 'Alerte', 'r-abcdefgh.s0/m-1');
    await provider.send('06 12 34 56 78', 'Code');
    expect(keys).toEqual(['r-abcdefgh.s0/m-1', undefined]);
    srv.close();
    const outbox = new Outbox(dir());
    await new OutboxSmsProvider(outbox).send('06 12 34 56 78', 'Alerte', 'r-abcdefgh.s0/m-1');
    expect((await outbox.list())[0].key).toBe('r-abcdefgh.s0/m-1');
  });

  it('writes numbers in international form', () => {
    expect(internationalNumber('07.12.34.56.78')).toBe('+33712345678');
    expect(internationalNumber('+352 621 123 456')).toBe('+352621123456');
  });
});

describe('choice of providers', () => {
  it('uses the outbox without SMS_HTTP_URL and SMTP_URL, the gateway and SMTP with them', () => {
    const outbox = new Outbox(dir());
    const dev = createNotifier(loadConfig({ DATA_DIR: dir() }), outbox, testLog);
    expect(dev.sms).toBeInstanceOf(OutboxSmsProvider);
    expect(dev.mailer).toBeInstanceOf(OutboxMailer);
    const prod = createNotifier(loadConfig({ DATA_DIR: dir(), SMS_HTTP_URL: 'https://sms.example.fr/', SMS_HTTP_TOKEN: 't', SMTP_URL: 'smtp://u:p@127.0.0.1:2525' }), outbox, testLog);
    expect(prod.sms).toBeInstanceOf(HttpSmsProvider);
    expect(prod.mailer).toBeInstanceOf(SmtpMailer);
    prod.close();
  });
});
