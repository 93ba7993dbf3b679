/**
 * Pro Santé Connect (the national sign-in of health professionals, e-CPS or CPS card) as it crosses
 * the wire: the codes its callback sends the browser back with, and the registration pre-fill.
 */
import type { RegistrationDetails } from '../registration/schema';

/**
 * Why a sign-in through Pro Santé Connect ended on the login page: `/connexion?psc=<code>`. The
 * server sends only these codes, never a message or a person's data, in the address.
 */
export const PSC_ERRORS = ['refuse', 'invalide', 'indisponible', 'identite', 'en-attente', 'inactif', 'sans-compte'] as const;
export type PscError = (typeof PSC_ERRORS)[number];

/** What the login page says for each code. */
export const PSC_ERROR_MESSAGES: Record<PscError, string> = {
  refuse: 'La connexion avec Pro Santé Connect a été annulée ou refusée.',
  invalide: 'La connexion avec Pro Santé Connect n’a pas pu être vérifiée (lien expiré ou déjà utilisé). Recommencez depuis cette page.',
  indisponible: 'Pro Santé Connect ne répond pas pour le moment. Réessayez dans quelques minutes ou connectez-vous avec votre mot de passe.',
  identite: 'Pro Santé Connect n’a transmis aucun numéro RPPS ou ADELI : connectez-vous avec votre mot de passe ou contactez la coordination.',
  'en-attente': 'Votre inscription attend encore la validation d’un coordinateur.',
  inactif: 'Le compte rattaché à votre numéro n’est pas actif. Contactez la coordination de la CPTS.',
  'sans-compte': 'Votre numéro figure déjà dans l’annuaire de la CPTS, sans compte rattaché : contactez la coordination.',
};

/** `/connexion?psc=connecte`: the session is open; the login page takes it up on this device. */
export const PSC_SIGNED_IN = 'connecte';

export const isPscError = (value: unknown): value is PscError => (PSC_ERRORS as readonly unknown[]).includes(value);

/**
 * What the national identity says of a professional not yet known here, to pre-fill the
 * registration form (`/inscription?psc=<id>`, then `GET /api/auth/psc/prefill/<id>`). The person
 * completes the rest (address, phones, e-mail, password) and a coordinator approves, as for any
 * registration.
 */
export type PscPrefill = Pick<RegistrationDetails, 'civility' | 'lastName' | 'firstName' | 'identifiers'> & {
  kind: 'professional';
  /** An RPPS profession code the form knows (`10` médecin, `60` infirmier…), absent otherwise. */
  profession?: string;
};

export interface PscPrefillAnswer {
  prefill: PscPrefill;
}

/** `GET /api/auth/psc`: whether the login page shows the Pro Santé Connect button. */
export interface PscStatus {
  enabled: boolean;
}

/**
 * `POST /api/auth/psc/logout`, for any session: the local session is over; when Pro Santé Connect
 * opened it, the browser then goes to the provider's logout (`endSessionUrl`), which sends it back to
 * the login page. A password session gets `null`.
 */
export interface PscLogoutAnswer {
  endSessionUrl: string | null;
}

/** The id of a pre-fill in `/inscription?psc=<id>`: random, and nothing else. */
export const PSC_PREFILL_ID = /^[0-9a-f]{32}$/;
