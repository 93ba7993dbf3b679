/** French strings: the edits made on this device that a conflict did not keep (LostEditsNotice). */
import { plural } from '../format';

export const lostEdits = {
  title: (n: number) => (n <= 1 ? 'Une modification faite sur cet appareil n’a pas été retenue' : `${n} modifications faites sur cet appareil n’ont pas été retenues`),
  what: { members: 'de la fiche', requests: 'de la demande', patients: 'du bloc patient d’une demande', messages: 'du message' } as Record<string, string>,
  summary: (what: string, title: string, editedAt: string) =>
    `Votre modification ${what}${title ? ` « ${title} »` : ''}${editedAt ? ` (faite le ${editedAt})` : ''} n’a pas été retenue`,
  reason: (collection: string, keptAt: string) =>
    collection === 'members'
      ? ` : une modification plus récente${keptAt ? `, enregistrée ailleurs le ${keptAt},` : ''} l’a emporté sur les mêmes champs.`
      : ' : la version du serveur l’a emporté (la demande n’était plus un brouillon, ou elle a été modifiée ailleurs plus tard).',
  mine: 'votre valeur',
  kept: 'retenue',
  empty: '(vide)',
  yes: 'oui',
  no: 'non',
  none: 'aucune',
  items: (n: number) => `${n} ${plural(n, 'élément', 'éléments')}`,
  deletion: 'Suppression',
  patientHidden: 'Le détail n’est pas conservé hors du dossier chiffré (données de santé) : vérifiez le dossier et ressaisissez si besoin.',
  reapply: 'Réappliquer ma modification',
  reapplied: 'Votre modification a été réappliquée ; elle sera envoyée à la prochaine synchronisation.',
  dismiss: 'J’ai compris',
  more: (n: number) => (n <= 1 ? 'Voir l’autre' : `Voir les ${n} autres`),
  /** Labels of the fields, by dotted path or top-level name; anything else is shown by its path. */
  fields: {
    displayName: 'Nom affiché',
    civility: 'Civilité',
    lastName: 'Nom',
    firstName: 'Prénom',
    specialty: 'Spécialité',
    skills: 'Compétences',
    address: 'Adresse',
    location: 'Position sur la carte',
    'phones.mobile': 'Téléphone portable',
    'phones.landline': 'Téléphone fixe',
    email: 'E-mail',
    signature: 'Signature',
    smsAlerts: 'Alertes par SMS',
    'availability.availableUntil': 'Disponible jusqu’à',
    'availability.onCall': 'Astreintes',
    'availability.absences': 'Absences',
    'availability.acceptsNewPatients': 'Accepte de nouveaux patients',
    'availability.homeVisitRadiusKm': 'Rayon des visites à domicile (km)',
    question: 'Question clinique',
    type: 'Type de demande',
    urgency: 'Urgence',
    deadline: 'Échéance',
    place: 'Lieu du patient',
    target: 'Professionnel recherché',
    photos: 'Photos',
    status: 'Envoi de la demande',
    identity: 'Identité du patient',
    text: 'Texte',
  } as Record<string, string>,
} as const;
