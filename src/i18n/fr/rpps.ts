/** French strings: the import of the RPPS extract. */
import type { ImportCounts } from '../../domain/rpps/report';
import { number } from '../format';

export const rpps = {
  title: 'Import de l’extrait RPPS',
  intro:
    'Importez l’extrait national de l’annuaire santé (fichier « PS_LibreAcces_Personne_activite_….txt », décompressé). Les professionnels qui exercent dans les communes du territoire entrent dans l’annuaire comme invités ; les fiches des membres inscrits ne sont pas modifiées, et importer deux fois le même fichier ne change rien.',
  file: 'Fichier de l’extrait (.txt)',
  submit: 'Importer',
  submitting: 'Import en cours…',
  chooseFile: 'Choisissez d’abord le fichier de l’extrait.',
  offline: 'Vous êtes hors ligne : l’import nécessite le réseau.',
  network:
    'La connexion au serveur a été coupée. Ce qui a été reçu est enregistré ; relancez l’import, il ne refait pas ce qui est déjà fait.',
  failed: (status: number) => `L’import a échoué (erreur ${status}).`,
  forbidden: 'Cette page est réservée à la coordination et aux administrateurs de la CPTS.',
  uploadLabel: 'Envoi du fichier',
  uploaded: (percent: number, sent: number, total: number) =>
    `Envoi : ${percent} % (${number(Math.round(sent / 1024 ** 2))} Mo sur ${number(Math.round(total / 1024 ** 2))} Mo)`,
  progress: (c: ImportCounts) =>
    `Lignes lues : ${number(c.read)} · du territoire : ${number(c.kept)} · fiches créées : ${number(c.created)} · mises à jour : ${number(c.updated)} · rejetées : ${number(c.rejected)}`,
  /** The page's summary line, the French form of the command's `read N, kept N, …`. */
  summary: (c: ImportCounts) =>
    `lues ${number(c.read)}, retenues ${number(c.kept)}, créées ${number(c.created)}, mises à jour ${number(c.updated)}, rejetées ${number(c.rejected)}`,
  details: (c: ImportCounts) =>
    `Fiches inchangées : ${number(c.unchanged)} · laissées telles quelles (membres inscrits, fiches supprimées) : ${number(c.skipped)} · activités en double : ${number(c.duplicates)}`,
  done: (when: string) => `Import terminé le ${when}`,
  failedAt: (when: string) => `Import interrompu le ${when}`,
  running: 'Un import est en cours…',
  rejections: 'Lignes rejetées',
  line: 'Ligne',
  reason: 'Motif',
  moreRejections: (n: number) => `… et ${number(n)} autres lignes rejetées.`,
} as const;
