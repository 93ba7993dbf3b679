/** French strings: the app's frame: its name and tabs, the session, sync and storage states, updates, forms and errors. */
import { TERRITORY } from '../../config';
import { number, plural } from '../format';

export const app = {
  name: TERRITORY.shortName,
  fullName: `${TERRITORY.shortName} — Coordination des soins`,
  loading: 'Chargement…',
  skipToContent: 'Aller au contenu',
  navigation: 'Navigation principale',
  coordination: 'Coordination',
  tabs: {
    new: 'Nouvelle',
    availability: 'Disponibilité',
    console: 'Console',
    intake: 'Saisie',
    me: 'Moi',
  },
  newRequest: 'Nouvelle demande',
  /** The button of an alert's notification (the phone's own, shown even with the app closed). */
  notificationAccept: 'Accepter',
  /** Every destination's name, here with the frame that shows them, so each feature's strings load with its pages. */
  destinations: {
    requests: 'Demandes',
    openAlerts: (n: number) => `${number(n)} ${plural(n, 'alerte', 'alertes')} en attente de réponse`,
    directory: 'Annuaire',
    map: 'Carte',
    availability: 'Ma disponibilité',
    profile: 'Mon profil',
    console: 'File',
    intake: 'Saisie téléphonique',
    roster: 'Permanences',
    indicators: 'Indicateurs',
    registrations: 'Inscriptions',
    messages: 'Messages',
    import: 'Import RPPS',
    technical: 'Technique',
  },
  me: {
    title: 'Moi',
    more: 'Plus',
  },
} as const;

export const session = {
  title: 'Connexion',
  intro: 'Connectez-vous avec l’adresse e-mail et le mot de passe de votre compte CPTS.',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  submit: 'Se connecter',
  submitting: 'Connexion…',
  logout: 'Se déconnecter',
  loggingOut: 'Déconnexion…',
  signedInAs: (name: string) => `Connecté : ${name}`,
  offline: 'Vous êtes hors ligne : la connexion nécessite le réseau. Réessayez quand il reviendra.',
  expired: 'Votre session a expiré, reconnectez-vous.',
  expiredAction: 'Se reconnecter',
  expiredKeepsChanges: 'Vos modifications en attente sont conservées sur cet appareil.',
  failed: 'La connexion a échoué. Réessayez.',
  forgotPassword: 'Mot de passe oublié ?',
  register: 'Créer un compte',
  or: 'ou',
  psc: 'Se connecter avec Pro Santé Connect',
  pscHint: 'Avec l’application e-CPS ou votre carte CPS. Sans compte ici, vous serez conduit à l’inscription, pré-remplie.',
  logoutLosesChanges: (n: number) =>
    (n <= 1
      ? '1 modification n’a pas encore été envoyée au serveur et sera perdue'
      : `${n} modifications n’ont pas encore été envoyées au serveur et seront perdues`) +
    ' : la déconnexion efface les données de cet appareil. Se déconnecter quand même ?',
} as const;

const firstSyncItems: Record<string, (n: number) => string> = {
  members: (n) => `${number(n)} ${plural(n, 'fiche', 'fiches')} de l’annuaire`,
  requests: (n) => `${number(n)} ${plural(n, 'demande', 'demandes')}`,
  patients: (n) => `${number(n)} ${plural(n, 'dossier patient', 'dossiers patients')}`,
  messages: (n) => `${number(n)} ${plural(n, 'message', 'messages')}`,
};

/** « a », « a et b », « a, b et c ». */
const list = (items: string[]) => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`);

export const sync = {
  online: 'En ligne',
  offline: 'Hors ligne',
  syncing: 'Synchronisation…',
  error: 'Erreur de synchronisation',
  pending: (n: number) => `${number(n)} ${plural(n, 'modification en attente', 'modifications en attente')}`,
  forbidden: (reason: string) => `Modification refusée par le serveur : ${reason}`,
  serverError: (status: number) => `Le serveur a répondu par une erreur (${status}).`,
  label: 'État de la synchronisation',
  unexpected: 'La synchronisation a rencontré une erreur inattendue ; elle reprendra d’elle-même.',
  firstSync: {
    title: 'Première synchronisation de cet appareil',
    /** « encore 650 fiches de l’annuaire et 12 demandes ». */
    left: (parts: { collection: string; left: number }[]) => `encore ${list(parts.map((p) => firstSyncItems[p.collection]?.(p.left) ?? number(p.left)))}`,
    hint: 'Ce qui est arrivé est déjà consultable.',
  },
} as const;

export const storage = {
  full: 'Espace de stockage plein sur cet appareil : cette modification n’a pas été enregistrée. Libérez de l’espace puis réessayez.',
  banner:
    'Espace de stockage plein sur cet appareil : les nouvelles modifications et la synchronisation attendent. Les données déjà enregistrées sont intactes. Libérez de l’espace (photos, vidéos, applications inutilisées) puis réessayez.',
  retry: 'Réessayer',
} as const;

export const update = {
  available: 'Une nouvelle version est disponible.',
  reload: 'Recharger',
} as const;

export const forms = {
  offline: 'Vous êtes hors ligne : cette étape nécessite le réseau. Réessayez quand il reviendra.',
  fixErrors: (n: number) => (n <= 1 ? 'Un champ est à corriger.' : `${n} champs sont à corriger.`),
  optional: '(facultatif)',
} as const;

export const errors = {
  generic: 'Une erreur est survenue.',
  notFound: 'Page introuvable.',
  backHome: 'Retour à l’accueil',
} as const;
