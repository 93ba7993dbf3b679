/** French strings: the directory. */
import { number, plural } from '../format';

export const directory = {
  title: 'Annuaire des professionnels',
  searchLabel: 'Rechercher un professionnel, une profession, une commune',
  searchPlaceholder: 'Nom, profession, commune…',
  count: (n: number) => `${number(n)} ${plural(n, 'fiche', 'fiches')}`,
  more: 'Voir plus',
  empty: 'Aucun professionnel ne correspond à votre recherche.',
  emptyDatabase: 'L’annuaire n’est pas encore sur cet appareil : il se chargera à la prochaine connexion au réseau.',
  availableUntil: (time: string) => `Disponible jusqu’à ${time}`,
  onCall: 'D’astreinte',
  absent: 'Absent·e',
  availableOnly: 'Disponibles maintenant',
  byDistance: 'Les plus proches d’abord',
  distance: (km: string) => `à ${km} km`,
  callMobile: (n: string) => `Portable ${n}`,
  callLandline: (n: string) => `Fixe ${n}`,
  writeEmail: 'E-mail',
} as const;
