import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { closingLetterPdf, type LetterData } from './letter';

const letter: LetterData = {
  network: 'CPTS de Metz et Environs',
  timeZone: 'Europe/Paris',
  requestId: 'r-0123456789abcdef',
  type: 'Avis spécialisé / télé-expertise',
  question: 'Lésion pigmentée du dos qui a changé en 3 mois : avis sur la photo ?',
  createdAt: '2026-12-04T08:10:00.000Z',
  patient: { lastName: 'Keller', firstName: 'Marc', birthDate: '1962-09-03', sex: 'M' },
  requester: { name: 'Dr Arthur Mathis', profession: 'Médecin' },
  assignee: { name: 'Dr Guillaume Racadot', profession: 'Médecin', acceptedAt: '2026-12-04T08:25:00.000Z' },
  results: [{ at: '2026-12-04T09:40:00.000Z', author: 'Dr Guillaume Racadot', text: 'Nævus atypique : exérèse à programmer.', files: ['photo JPEG'] }],
  outcome: 'resolved',
  closedAt: '2026-12-04T09:45:00.000Z',
  generatedAt: '2026-12-04T09:45:02.000Z',
};

async function textOf(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(doc, { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, ' ') };
}

describe('the closing letter', () => {
  it('is a one-page PDF holding the need, who took it and when, the results and the outcome', async () => {
    const pdf = await closingLetterPdf(letter);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = await textOf(pdf);
    expect(pages).toBe(1);
    for (const field of [
      'CPTS de Metz et Environs — lettre de clôture',
      'Avis spécialisé / télé-expertise, demandée le 4 décembre 2026 à 09:10',
      'KELLER Marc, né le 3 septembre 1962',
      'Lésion pigmentée du dos qui a changé en 3 mois',
      'Demandeur : Dr Arthur Mathis, Médecin.',
      'Pris en charge par : Dr Guillaume Racadot, Médecin, le 4 décembre 2026 à 09:25.',
      'Nævus atypique : exérèse à programmer. Pièces jointes : photo JPEG.',
      'Besoin couvert : demande résolue, le 4 décembre 2026 à 10:45.',
      'à ne transmettre que par messagerie sécurisée de santé',
    ]) expect(text).toContain(field);
  });

  it('says a case closed unresolved, with its reason, and a case without results', async () => {
    const { text } = await textOf(await closingLetterPdf({ ...letter, outcome: 'unresolved', reason: 'Patient hospitalisé entre-temps.', results: [], patient: { ...letter.patient!, sex: 'F', firstName: 'Jeanne' } }));
    expect(text).toContain('KELLER Jeanne, née le 3 septembre 1962');
    expect(text).toContain('Aucun résultat transmis sur la plateforme.');
    expect(text).toContain('Demande close sans solution, le 4 décembre 2026 à 10:45. Motif : Patient hospitalisé entre-temps.');
  });
});
