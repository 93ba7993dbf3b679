import { simpleParser } from 'mailparser';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CareRequest } from '../../src/domain/requests/schema';
import { clientFor, makeAvailable, message, newRequest, nurseIds, patientFor, post, storedRequest, until } from '../testing/requests';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { startFakeSmtp, type FakeSmtp } from '../testing/smtp';

const MAILBOX = 'arthur.mathis@medecin.mssante.fr';
const RESULT = 'Plaie propre, pansement refait ; fils à retirer à J10.';

let server: TestServer;
let smtp: FakeSmtp;
let gp: Client;
let gpId: string;
let nurses: string[];

async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

const letterOf = (client: Client, requestId: string) => fetch(`${server.url}/api/requests/${requestId}/lettre-de-cloture.pdf`, { headers: { cookie: client.cookie } });
const letters = () => smtp.mails.filter((m) => m.subject.includes('lettre de clôture'));

/** A request of `requester` taken by the first nurse alerted, who sends a result, then closed by her. */
async function closedCase(requester: Client, requesterId: string): Promise<{ request: CareRequest; nurse: Client; nurseId: string }> {
  const request = newRequest(requesterId);
  await post(requester, 'requests', [request]);
  await post(requester, 'patients', [patientFor(request)]);
  const searching = await until(() => storedRequest(server, request.id), (r) => r.status === 'searching' && (r.dispatch?.alerted.length ?? 0) > 0);
  const nurseId = searching.dispatch!.alerted[0];
  const nurse = await clientFor(server, nurseId);
  expect((await post(nurse, 'messages', [message(request, nurseId, 'accept')])).json[0].ok).toBe(true);
  await until(() => storedRequest(server, request.id), (r) => r.assigneeId === nurseId);
  await post(nurse, 'messages', [message(request, nurseId, 'result', RESULT)]);
  // Before the case closes there is no letter.
  expect((await letterOf(requester, request.id)).status).toBe(409);
  await post(nurse, 'messages', [message(request, nurseId, 'resolve')]);
  await until(() => storedRequest(server, request.id), (r) => r.status === 'resolved');
  return { request, nurse, nurseId };
}

beforeAll(async () => {
  smtp = await startFakeSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url });
  gp = new Client(server.url);
  gpId = (await gp.login(demo('generaliste').email, demo('generaliste').password)).json.user.memberId;
  nurses = await nurseIds(server, 3);
  await makeAvailable(server, nurses);
});
afterAll(async () => {
  await server?.dispose();
  await smtp?.close();
});

describe('a closed case’s letter', () => {
  it('keeps a member’s MSSanté address on their account, and refuses an ordinary mailbox in French', async () => {
    expect((await gp.request('GET', '/api/account/mssante')).json).toEqual({ address: null });
    const ordinary = await gp.request('PUT', '/api/account/mssante', { address: 'arthur.mathis@gmail.com' });
    expect(ordinary.status).toBe(400);
    expect(ordinary.json.error).toContain('n’est pas une adresse MSSanté');
    expect((await gp.request('GET', '/api/account/mssante')).json).toEqual({ address: null });
    expect((await gp.request('PUT', '/api/account/mssante', { address: ' Arthur.Mathis@Medecin.MSSante.fr ' })).json).toEqual({ address: MAILBOX });
    expect((await gp.request('GET', '/api/account/mssante')).json).toEqual({ address: MAILBOX });
    expect((await new Client(server.url).request('PUT', '/api/account/mssante', { address: MAILBOX })).status).toBe(401);
  });

  it('goes to the requester’s MSSanté mailbox once the case closes, as a PDF holding the case', async () => {
    const { request } = await closedCase(gp, gpId);
    const mail = await smtp.waitFor(MAILBOX, (m) => m.raw.includes(request.id));
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toContain('lettre de clôture (Passage infirmier à domicile');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]).toMatchObject({ contentType: 'application/pdf', filename: `lettre-de-cloture-${request.id}.pdf` });
    const text = await pdfText(parsed.attachments[0].content);
    for (const field of ['lettre de clôture', 'DURAND Jeanne, née le 12 mai 1941', request.question, RESULT, 'Besoin couvert : demande résolue']) expect(text).toContain(field);
    // The patient is in the attached letter, never in the mail's own text.
    expect(parsed.text).not.toContain('DURAND');
    expect(parsed.text).not.toContain('Durand');

    // Seen again (a restart, a later change of the card), it is not sent twice.
    await server.parts.letters.send(await storedRequest(server, request.id));
    expect(letters().filter((m) => m.raw.includes(request.id))).toHaveLength(1);
  });

  it('is downloaded by the requester and the assignee only, each download audited', async () => {
    const { request, nurse, nurseId } = await closedCase(gp, gpId);
    for (const client of [gp, nurse]) {
      const res = await letterOf(client, request.id);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(await pdfText(new Uint8Array(await res.arrayBuffer()))).toContain(RESULT);
    }
    const pharmacist = new Client(server.url);
    await pharmacist.login(demo('pharmacien').email, demo('pharmacien').password);
    const coordinator = new Client(server.url);
    await coordinator.login(demo('coordination').email, demo('coordination').password);
    for (const other of [pharmacist, coordinator, new Client(server.url)]) expect([401, 404]).toContain((await letterOf(other, request.id)).status);
    // On a cluster, the audit's view may answer from a copy the last entries have not reached yet.
    const downloaders = async () => (await server.parts.audit.forRequest(request.id)).filter((e) => e.action === 'download').map((e) => e.memberId).sort();
    await expect.poll(downloaders, { timeout: 15_000 }).toEqual([gpId, nurseId].sort());
  });

  it('is not mailed when the requester gave no MSSanté address', async () => {
    const otherId = nurses[2];
    const other = await clientFor(server, otherId);
    const before = letters().length;
    const { request: quiet } = await closedCase(other, otherId);
    // Then one that is mailed: the reaction follows the feed in order, so the first has been handled.
    const { request: mailed } = await closedCase(gp, gpId);
    await smtp.waitFor(MAILBOX, (m) => m.raw.includes(mailed.id));
    expect(letters().slice(before).map((m) => (m.raw.includes(quiet.id) ? quiet.id : m.raw.includes(mailed.id) ? mailed.id : 'other'))).toEqual([mailed.id]);
  });
});
