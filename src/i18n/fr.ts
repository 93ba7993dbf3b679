/** Every French string of the interface, in one place so that other languages can follow. */

function plural(n: number, one: string, many: string): string {
  return n <= 1 ? one : many;
}

/** « 1 675 », with the narrow no-break space French uses between thousands. */
const number = (n: number): string => n.toLocaleString('fr-FR');

export const fr = {
  app: {
    name: 'CPTS Metz',
    fullName: 'CPTS Metz — Coordination des soins',
    loading: 'Chargement…',
    skipToContent: 'Aller au contenu',
  },
  session: {
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
    logoutLosesChanges: (n: number) =>
      (n <= 1
        ? '1 modification n’a pas encore été envoyée au serveur et sera perdue'
        : `${n} modifications n’ont pas encore été envoyées au serveur et seront perdues`) +
      ' : la déconnexion efface les données de cet appareil. Se déconnecter quand même ?',
  },
  sync: {
    online: 'En ligne',
    offline: 'Hors ligne',
    syncing: 'Synchronisation…',
    error: 'Erreur de synchronisation',
    pending: (n: number) => `${number(n)} ${plural(n, 'modification en attente', 'modifications en attente')}`,
    forbidden: (reason: string) => `Modification refusée par le serveur : ${reason}`,
    serverError: (status: number) => `Le serveur a répondu par une erreur (${status}).`,
    label: 'État de la synchronisation',
    unexpected: 'La synchronisation a rencontré une erreur inattendue ; elle reprendra d’elle-même.',
  },
  directory: {
    title: 'Annuaire des professionnels',
    searchLabel: 'Rechercher un professionnel, une profession, une commune',
    searchPlaceholder: 'Nom, profession, commune…',
    count: (n: number) => `${number(n)} ${plural(n, 'fiche', 'fiches')}`,
    more: 'Voir plus',
    empty: 'Aucun professionnel ne correspond à votre recherche.',
    emptyDatabase: 'L’annuaire n’est pas encore sur cet appareil : il se chargera à la prochaine connexion au réseau.',
    availableUntil: (time: string) => `Disponible jusqu’à ${time}`,
    callMobile: (n: string) => `Portable ${n}`,
    callLandline: (n: string) => `Fixe ${n}`,
    writeEmail: 'E-mail',
  },
  update: {
    available: 'Une nouvelle version est disponible.',
    reload: 'Recharger',
  },
  errors: {
    generic: 'Une erreur est survenue.',
    notFound: 'Page introuvable.',
    backHome: 'Retour à l’accueil',
  },
} as const;
