/**
 * A case's closing letter: a one-page PDF summary for the patient's record (the need, who took it
 * and when, the results and the files sent as results, the outcome), made with PDFKit. It holds
 * patient data: it goes to the case's two professionals only, and by secure health messaging.
 */
import PDFDocument from 'pdfkit';

export interface LetterPerson {
  name: string;
  profession: string;
}

export interface LetterResult {
  at: string;
  author: string;
  text?: string;
  /** Files sent with it, by kind (« photo JPEG », « document PDF »). */
  files: string[];
}

export interface LetterData {
  /** « CPTS de Metz et Environs » */
  network: string;
  timeZone: string;
  requestId: string;
  type: string;
  question: string;
  createdAt: string;
  patient?: { lastName: string; firstName: string; birthDate: string; sex: string };
  requester: LetterPerson;
  assignee?: LetterPerson & { acceptedAt?: string };
  results: LetterResult[];
  outcome: 'resolved' | 'unresolved';
  closedAt: string;
  /** Why it closed unresolved. */
  reason?: string;
  generatedAt: string;
}

const OUTCOMES = { resolved: 'Besoin couvert : demande résolue', unresolved: 'Demande close sans solution' } as const;

/** The letter's lines, title first: what the PDF prints, in order (also its text for a test or a screen). */
export function letterLines(d: LetterData): Array<{ style: 'title' | 'heading' | 'text' | 'note'; text: string }> {
  const when = (iso: string) => new Intl.DateTimeFormat('fr-FR', { timeZone: d.timeZone, dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  const born = (iso: string) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${iso}T00:00:00Z`));
  const lines: ReturnType<typeof letterLines> = [
    { style: 'title', text: `${d.network} — lettre de clôture` },
    { style: 'text', text: `${d.type}, demandée le ${when(d.createdAt)} (référence ${d.requestId}).` },
    { style: 'heading', text: 'Patient' },
    {
      style: 'text',
      text: d.patient
        ? `${d.patient.lastName.toUpperCase()} ${d.patient.firstName}, ${d.patient.sex === 'F' ? 'née' : 'né'} le ${born(d.patient.birthDate)}`
        : 'Identité non transmise à la plateforme.',
    },
    { style: 'heading', text: 'Besoin' },
    { style: 'text', text: d.question },
    { style: 'heading', text: 'Prise en charge' },
    { style: 'text', text: `Demandeur : ${d.requester.name}, ${d.requester.profession}.` },
    {
      style: 'text',
      text: d.assignee ? `Pris en charge par : ${d.assignee.name}, ${d.assignee.profession}${d.assignee.acceptedAt ? `, le ${when(d.assignee.acceptedAt)}` : ''}.` : 'Personne n’a pris la demande en charge.',
    },
    { style: 'heading', text: 'Résultats' },
  ];
  if (!d.results.length) lines.push({ style: 'text', text: 'Aucun résultat transmis sur la plateforme.' });
  for (const r of d.results) {
    const files = r.files.length ? ` Pièces jointes : ${r.files.join(', ')}.` : '';
    lines.push({ style: 'text', text: `${when(r.at)}, ${r.author} : ${r.text?.trim() || '(sans texte)'}${files}` });
  }
  lines.push(
    { style: 'heading', text: 'Issue' },
    { style: 'text', text: `${OUTCOMES[d.outcome]}, le ${when(d.closedAt)}.${d.reason ? ` Motif : ${d.reason}` : ''}` },
    {
      style: 'note',
      text: `Document établi par la plateforme de coordination de la ${d.network} le ${when(d.generatedAt)}, pour le dossier du patient. Il contient des données de santé : à ne transmettre que par messagerie sécurisée de santé.`,
    },
  );
  return lines;
}

const STYLES = {
  title: { font: 'Helvetica-Bold', size: 16, gap: 0.6 },
  heading: { font: 'Helvetica-Bold', size: 11.5, gap: 0.15 },
  text: { font: 'Helvetica', size: 10.5, gap: 0.35 },
  note: { font: 'Helvetica-Oblique', size: 8.5, gap: 0 },
} as const;

/** The letter as a PDF (A4, one page for an ordinary case). */
export function closingLetterPdf(d: LetterData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Lettre de clôture ${d.requestId}`, Author: d.network, CreationDate: new Date(d.generatedAt) } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const line of letterLines(d)) {
    const style = STYLES[line.style];
    if (line.style === 'heading' || line.style === 'note') doc.moveDown(0.6);
    doc.font(style.font).fontSize(style.size).fillColor(line.style === 'note' ? '#555555' : '#000000').text(line.text, { align: 'left' });
    doc.moveDown(style.gap);
  }
  doc.end();
  return done;
}
