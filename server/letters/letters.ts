/**
 * Closing letters: the PDF of a closed case for its requester and its assignee (`pdfFor`), and the
 * reaction that sends it to the requester's secure health mailbox (MSSanté) over SMTP once the case
 * closes, when the requester gave one; never to an ordinary mailbox, never through the development
 * outbox. A letter sent is marked (`letter-<request id>` in the `server` database), so a change seen
 * again does not send it twice.
 */
import { professionLabelOf } from '../../src/domain/members/professions';
import type { Member } from '../../src/domain/members/schema';
import type { RequestMessage } from '../../src/domain/requests/message-schema';
import { patientIdOf, type PatientBlock } from '../../src/domain/requests/patient-schema';
import type { CareRequest } from '../../src/domain/requests/schema';
import { REQUEST_KINDS, type RequestType } from '../../src/domain/requests/types';
import type { SessionUser } from '../../src/domain/session/user';
import type { Accounts } from '../accounts/accounts';
import type { AuditLog } from '../audit/audit';
import { conflict, notFound } from '../http/errors';
import type { Logger } from '../log';
import type { Mailer } from '../notify/mail';
import type { Reaction } from '../reactions/reaction';
import { NotYetReadable } from '../storage/changes';
import { isConflict, type Couch } from '../storage/couch';
import { foundDocs, getDomainDoc, toDomainDoc, type StoredDoc } from '../storage/docs';
import { closingLetterPdf, type LetterData, type LetterPerson } from './letter';

const WITH_LETTER = new Set(['resolved', 'unresolved']);
const CLOSINGS = new Set(['resolve', 'close-unresolved']);
const FILE_KINDS: Record<string, string> = { 'image/jpeg': 'photo JPEG', 'image/png': 'image PNG', 'image/webp': 'image WebP', 'application/pdf': 'document PDF' };

interface SentMark {
  _id: string;
  type: 'letter';
  requestId: string;
  sentAt: string;
}

export interface LettersDeps {
  couch: Couch;
  accounts: Accounts;
  audit: AuditLog;
  network: string;
  timeZone: string;
  now: () => number;
  /** Over SMTP only; without it, letters are downloaded but not sent. */
  smtp?: Mailer;
  log: Logger;
}

export class ClosingLetters {
  constructor(private readonly deps: LettersDeps) {}

  /** What the letter says, from the request, its patient block, its thread and the directory. */
  private async data(request: CareRequest, patient: PatientBlock | undefined): Promise<LetterData> {
    const { couch } = this.deps;
    const thread = await couch.use<StoredDoc>('messages').view('messages', 'by_request', { startkey: [request.id], endkey: [request.id, {}], include_docs: true });
    const messages = thread.rows.flatMap((r) => (r.doc ? [toDomainDoc<RequestMessage>(r.doc)] : []));
    const ids = [...new Set([request.requesterId, request.assigneeId, ...messages.map((m) => m.authorId)].filter((id): id is string => Boolean(id)))];
    const members = new Map(foundDocs(await couch.use<StoredDoc>('members').fetch({ keys: ids })).map(({ key, doc }) => [key, toDomainDoc<Member>(doc)]));
    const person = (id: string): LetterPerson => {
      const m = members.get(id);
      return m ? { name: m.displayName, profession: professionLabelOf(m) } : { name: id, profession: 'membre retiré de l’annuaire' };
    };
    const history = request.history ?? [];
    const accepted = history.find((h) => h.event === 'accept' && h.by === request.assigneeId) ?? history.find((h) => h.event === 'accept');
    const closed = [...history].reverse().find((h) => CLOSINGS.has(h.event));
    const closing = [...messages].reverse().find((m) => m.kind === 'close-unresolved');
    return {
      network: this.deps.network,
      timeZone: this.deps.timeZone,
      requestId: request.id,
      type: REQUEST_KINDS[request.type as RequestType]?.label ?? request.type,
      question: request.question,
      createdAt: request.createdAt,
      ...(patient ? { patient: patient.identity } : {}),
      requester: person(request.requesterId),
      ...(request.assigneeId ? { assignee: { ...person(request.assigneeId), ...(accepted ? { acceptedAt: accepted.at } : {}) } } : {}),
      results: messages
        .filter((m) => m.kind === 'result')
        .map((m) => ({ at: m.createdAt, author: person(m.authorId).name, ...(m.text ? { text: m.text } : {}), files: (m.attachments ?? []).map((a) => FILE_KINDS[a.contentType] ?? a.contentType) })),
      outcome: request.status === 'resolved' ? 'resolved' : 'unresolved',
      closedAt: closed?.at ?? request.updatedAt ?? request.createdAt,
      ...(request.status === 'unresolved' && closing?.text ? { reason: closing.text } : {}),
      generatedAt: new Date(this.deps.now()).toISOString(),
    };
  }

  /** The letter of a closed case, for its requester or its assignee (the download is audited). */
  async pdfFor(user: SessionUser, requestId: string): Promise<Buffer> {
    const request = await getDomainDoc<CareRequest>(this.deps.couch, 'requests', requestId);
    if (!request || (user.memberId !== request.requesterId && user.memberId !== request.assigneeId)) {
      throw notFound('Demande introuvable, ou lettre réservée au demandeur et au professionnel qui l’a prise en charge.');
    }
    if (!WITH_LETTER.has(request.status)) throw conflict('La lettre de clôture est disponible une fois la demande close, résolue ou non.');
    const patient = await getDomainDoc<PatientBlock>(this.deps.couch, 'patients', patientIdOf(requestId));
    this.deps.audit.record([{ at: new Date(this.deps.now()).toISOString(), memberId: user.memberId, action: 'download', collection: 'patients', docId: patientIdOf(requestId), requestId, via: 'api' }]);
    return closingLetterPdf(await this.data(request, patient));
  }

  /** The requester's MSSanté address, from their account. */
  private async mailboxOf(memberId: string): Promise<string | undefined> {
    const accounts = await this.deps.accounts.findByMember(memberId);
    return accounts.find((a) => a.status === 'active' && a.mssante)?.mssante;
  }

  /** Sends a closed case's letter to its requester's MSSanté mailbox, once. */
  async send(request: CareRequest): Promise<void> {
    const { couch, smtp, log } = this.deps;
    const mark = `letter-${request.id}`;
    if (!smtp || (await getDomainDoc<SentMark>(couch, 'server', mark))) return;
    const to = await this.mailboxOf(request.requesterId);
    if (!to) return;
    const patient = await getDomainDoc<PatientBlock>(this.deps.couch, 'patients', patientIdOf(request.id));
    // The block is written with the card: on a cluster it may not be readable yet on this node.
    if (!patient) throw new NotYetReadable(patientIdOf(request.id));
    const data = await this.data(request, patient);
    const pdf = await closingLetterPdf(data);
    await smtp.send({
      to,
      subject: `${this.deps.network} : lettre de clôture (${data.type})`,
      text: `Bonjour,\n\nVeuillez trouver ci-joint la lettre de clôture de votre demande « ${data.type} » du ${new Intl.DateTimeFormat('fr-FR', { timeZone: this.deps.timeZone, dateStyle: 'long' }).format(new Date(request.createdAt))}, pour le dossier du patient.\n\n${this.deps.network}`,
      attachments: [{ filename: `lettre-de-cloture-${request.id}.pdf`, content: pdf, contentType: 'application/pdf' }],
    });
    try {
      await couch.use<SentMark>('server').insert({ _id: mark, type: 'letter', requestId: request.id, sentAt: new Date(this.deps.now()).toISOString() });
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
    log.info({ requestId: request.id, kind: 'closing-letter', channel: 'mssante' }, 'lettre de clôture envoyée');
  }

  /** The reaction to a case closing (resolved or not), on the card as stored. */
  reaction(): Reaction<StoredDoc & { _deleted?: boolean; status?: string }> {
    return {
      name: 'closing-letters',
      db: 'requests',
      wants: (doc) => !doc._deleted && WITH_LETTER.has(String(doc.status)) && Boolean(this.deps.smtp),
      run: (doc) => this.send(toDomainDoc<CareRequest>(doc)),
    };
  }
}
