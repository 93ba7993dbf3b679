/** French strings: the coordination pages: registrations, the outbox, the technical page. */
import type { ClientEvent, DROPPED_EVENT } from '../../domain/client-log/api';
import { deName, number, plural } from '../format';

export const coordination = {
  reserved: 'Cette page est réservée à la coordination de la CPTS.',
  queueTitle: 'Inscriptions à valider',
  queueEmpty: 'Aucune inscription en attente.',
  queueCount: (n: number) => `${number(n)} ${plural(n, 'inscription en attente', 'inscriptions en attente')}`,
  receivedAt: (date: string) => `Reçue le ${date}`,
  invited: 'Reprend une fiche « invitée » de l’import RPPS',
  identifiers: 'Identifiant',
  checkOk: 'format et clé vérifiés',
  phone: 'Portable',
  landline: 'Fixe',
  email: 'E-mail',
  address: 'Adresse',
  approximate: 'adresse non localisée précisément (centre de la commune)',
  verified: 'vérifié',
  notVerified: 'non vérifié',
  signature: 'Signature',
  approve: 'Valider',
  refuse: 'Refuser',
  reason: 'Raison du refus (envoyée à la personne)',
  confirmRefuse: 'Confirmer le refus',
  cancel: 'Annuler',
  approvedToast: (name: string) => `Inscription ${deName(name)} validée.`,
  refusedToast: (name: string) => `Inscription ${deName(name)} refusée.`,
  messagesTitle: 'Messages envoyés (développement)',
  messagesIntro: 'SMS et e-mails gardés par les fournisseurs de développement (aucun fournisseur réel configuré), du plus récent au plus ancien.',
  messagesEmpty: 'Aucun message.',
  sms: 'SMS',
  mail: 'E-mail',
  to: (to: string) => `À : ${to}`,
  providers: (sms: boolean, email: boolean) =>
    `SMS : ${sms ? 'gardés ici' : 'envoyés par la passerelle'} · E-mails : ${email ? 'gardés ici' : 'envoyés par SMTP'}`,
} as const;

export const technical = {
  pageTitle: 'Technique',
  deadLetters: {
    title: 'Changements mis de côté',
    intro:
      'Les changements que le serveur n’a pas pu appliquer après plusieurs essais (une demande, une réponse…). ' +
      'Ils ne bloquent plus les suivants ; relancez-les une fois la cause réglée.',
    empty: 'Aucun changement mis de côté : tout a été appliqué.',
    retry: 'Relancer',
    retried: 'Changement appliqué.',
    what: (db: string, docId: string) => `base ${db} · document ${docId}`,
    work: {
      'dispatch-requests': 'Recherche d’un preneur pour une demande',
      'dispatch-messages': 'Réponse à une demande (acceptation, refus, clôture…)',
      'dispatch-alerts': 'Envoi des alertes d’une demande',
      'geocode-moved-addresses': 'Localisation d’une adresse modifiée',
    },
    attempts: (n: number) => `${number(n)} essais`,
  },
  title: 'Erreurs des appareils',
  intro:
    'Les erreurs que les appareils des membres ont signalées ces 7 derniers jours (les 200 plus récentes), de la plus récente à la plus ancienne. ' +
    'Elles sont nettoyées sur l’appareil puis sur le serveur : ni adresse e-mail, ni numéro, ni donnée de patient.',
  empty: 'Aucune erreur signalée ces 7 derniers jours.',
  refresh: 'Actualiser',
  unknownDevice: 'appareil inconnu',
  version: (version: string) => `version ${version}`,
  page: (route: string) => `page ${route}`,
  times: (n: number) => `${number(n)} fois`,
  events: {
    'app.uncaught': 'Erreur non interceptée',
    'app.unhandled-rejection': 'Promesse rejetée sans traitement',
    'sync.start': 'Démarrage de la synchronisation impossible',
    'replication.error': 'Erreur inattendue de la synchronisation',
    'patients.list': 'Liste des patients illisible',
    'patients.remember': 'Patient non gardé dans la liste',
    'patient-data.open': 'Ouverture des données patients impossible',
    'sealed-messages.write': 'Messages scellés non écrits',
    'sealed-message.write': 'Message scellé non écrit',
    'lost-edit.save': 'Modification non retenue non enregistrée',
    'map.limit': 'Limite du territoire non chargée',
    'sealing-keys.create': 'Clés de scellement non créées',
    'clear-patient-data.drop': 'Anciennes données patients en clair non effacées de l’appareil',
    'client-log.dropped': 'Erreurs non envoyées (limite de l’appareil atteinte)',
  } satisfies Record<ClientEvent | typeof DROPPED_EVENT, string>,
} as const;
