/** French strings: the protection of patient data on the device (locked data, the unlock code). */
import { plural } from '../format';

export const protection = {
  lockedOffline: 'Les données patients de cet appareil sont chiffrées : elles s’ouvriront au retour du réseau. Les demandes et l’annuaire restent disponibles.',
  lockedExpired: 'Les données patients de cet appareil sont chiffrées : reconnectez-vous pour les ouvrir. Les demandes et l’annuaire restent disponibles.',
  lockedPin: 'Sans réseau, les données patients de cet appareil s’ouvrent avec votre code.',
  lockedHint: 'Astuce : un code de déverrouillage (page « Mon profil ») les ouvre sans réseau.',
  lockedCase: 'Données patients verrouillées sur cet appareil : elles s’ouvriront au retour du réseau ou avec votre code.',
  lockedWrite: 'Les données patients de cet appareil sont verrouillées : retrouvez le réseau ou saisissez votre code, puis recommencez.',
  pinLabel: 'Code de déverrouillage',
  unlock: 'Ouvrir',
  unlocking: 'Ouverture…',
  pinWrong: (left: number) => `Code incorrect. ${left} ${plural(left, 'essai restant', 'essais restants')}.`,
  pinErased: 'Trop d’essais : le code est effacé de cet appareil. Les données patients s’ouvriront au retour du réseau.',
  pinNone: 'Aucun code n’est défini sur cet appareil.',
  pinFormat: 'Le code compte de 6 à 12 chiffres.',
  pinTrivial: 'Ce code est trop facile à deviner (un chiffre répété ou une suite) : choisissez-en un autre.',
  pinMismatch: 'Les deux saisies du code ne sont pas identiques.',
  pinNeedsKey: 'Le code se définit quand les données patients sont ouvertes (avec le réseau).',
  settingsTitle: 'Données patients sur cet appareil',
  settingsIntro:
    'L’identité des patients et les messages des dossiers sont chiffrés sur cet appareil ; la clé est remise par le serveur à votre session. Sans réseau, après un redémarrage de l’application, un code à vous permet de les ouvrir.',
  pinIsSet: 'Un code de déverrouillage hors ligne est défini sur cet appareil.',
  pinIsNotSet: 'Aucun code : sans réseau, après un redémarrage de l’application, les données patients restent fermées.',
  pinNew: 'Nouveau code (6 à 12 chiffres)',
  pinConfirm: 'Confirmez le code',
  pinSave: 'Enregistrer le code',
  pinSaving: 'Enregistrement…',
  pinSaved: 'Code enregistré sur cet appareil.',
  pinRemove: 'Supprimer le code',
  purged: (days: number) =>
    `Dossier clos depuis plus de ${days} jours : l’identité du patient et les échanges ont été retirés de cet appareil. Ils restent conservés sur le serveur.`,
} as const;
