/**
 * A territory's own settings (`territory.json` beside its communes): its names, the coordination
 * platform's contact, its time zone, the demo accounts' domain, radius overrides per request type
 * and the old commune codes still found in national files. Validated once, on both sides.
 */
import { createValidator, describeErrors } from '../validation';
import { REQUEST_TYPES, type RequestType } from '../requests/types';

export const territorySettingsSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 3, maxLength: 120 },
    shortName: { type: 'string', minLength: 2, maxLength: 30 },
    platform: {
      type: 'object',
      properties: {
        phone: { type: 'string', pattern: '^\\+?[0-9 .]{4,20}$' },
        email: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: 254 },
      },
      required: ['phone', 'email'],
      additionalProperties: false,
    },
    timeZone: { type: 'string', minLength: 3, maxLength: 60 },
    demoEmailDomain: { type: 'string', pattern: '^[a-z0-9-]+(\\.[a-z0-9-]+)+$', maxLength: 100 },
    radiusKm: {
      type: 'object',
      properties: Object.fromEntries(REQUEST_TYPES.map((t) => [t, { type: 'number', minimum: 1, maximum: 200 }])),
      additionalProperties: false,
    },
    formerCommunes: {
      type: 'array',
      maxItems: 2000,
      items: {
        type: 'object',
        properties: {
          formerInsee: { type: 'string', pattern: '^[0-9][0-9AB][0-9]{3}$' },
          formerName: { type: 'string', minLength: 1, maxLength: 100 },
          insee: { type: 'string', pattern: '^[0-9][0-9AB][0-9]{3}$' },
        },
        required: ['insee'],
        anyOf: [{ required: ['formerInsee'] }, { required: ['formerName'] }],
        additionalProperties: false,
      },
    },
    sources: { type: 'string', maxLength: 2000 },
  },
  required: ['name', 'shortName', 'platform', 'timeZone', 'demoEmailDomain'],
  additionalProperties: false,
} as const;

/** A commune merged into a territory commune, still found under its old code or name (at least one of them). */
export interface FormerCommune {
  formerInsee?: string;
  formerName?: string;
  insee: string;
}

/** What the app shows of the territory: built into the client, read by the server. */
export interface TerritoryIdentity {
  /** « CPTS du Val de Lorraine » */
  name: string;
  /** « CPTS Val »: app name, notification title, SMS prefix. */
  shortName: string;
  platform: { phone: string; email: string };
  /** IANA zone of the territory's clocks, e.g. `Europe/Paris`, `Indian/Reunion`. */
  timeZone: string;
}

export interface TerritorySettings extends TerritoryIdentity {
  demoEmailDomain: string;
  radiusKm: Partial<Record<RequestType, number>>;
  formerCommunes: FormerCommune[];
  sources?: string;
}

const validate = createValidator<Omit<TerritorySettings, 'radiusKm' | 'formerCommunes'> & Partial<TerritorySettings>>(territorySettingsSchema);

function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The settings, or an error naming the field (French) for the person who edits the file. */
export function parseTerritorySettings(raw: unknown): { ok: true; value: TerritorySettings } | { ok: false; error: string } {
  const checked = validate(raw);
  if (!checked.ok) return { ok: false, error: describeErrors(checked.errors) };
  const value = { radiusKm: {}, formerCommunes: [], ...checked.value } as TerritorySettings & { _deleted?: boolean };
  delete value._deleted;
  if (!knownTimeZone(value.timeZone)) return { ok: false, error: `Champ « timeZone » : fuseau horaire inconnu (« ${value.timeZone} »).` };
  return { ok: true, value };
}

/** The identity alone, as the client build carries it. */
export function identityOf(settings: TerritoryIdentity): TerritoryIdentity {
  return { name: settings.name, shortName: settings.shortName, platform: settings.platform, timeZone: settings.timeZone };
}
