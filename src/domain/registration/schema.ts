/** The registration form as sent to the server: its schema literal is the single source of its type and of its validation. */
import type { ExtractDocumentTypeFromTypedRxJsonSchema } from 'rxdb';
import { memberSchemaLiteral } from '../members/schema';

const member = memberSchemaLiteral.properties;
const name = { type: 'string', maxLength: 100 } as const;

export const registrationSchemaLiteral = {
  title: 'registration',
  description: 'What a professional or a structure gives to join the CPTS',
  type: 'object',
  properties: {
    kind: member.kind,
    civility: member.civility,
    lastName: name,
    firstName: name,
    /** The structure's name (structures only). */
    structureName: { type: 'string', maxLength: 200 },
    /** An RPPS profession code, or a structure kind. */
    profession: member.profession,
    specialty: member.specialty,
    skills: member.skills,
    identifiers: member.identifiers,
    address: {
      type: 'object',
      additionalProperties: false,
      properties: {
        number: { type: 'string', maxLength: 20 },
        street: member.address.properties.street,
        postcode: member.address.properties.postcode,
        communeInsee: member.address.properties.communeInsee,
        commune: member.address.properties.commune,
      },
      required: ['street', 'postcode', 'commune'],
    },
    phones: { ...member.phones, required: ['mobile'] },
    email: member.email,
    password: { type: 'string', maxLength: 200 },
    signature: member.signature,
  },
  required: ['kind', 'profession', 'identifiers', 'address', 'phones', 'email', 'password', 'signature'],
  additionalProperties: false,
} as const;

export type Registration = ExtractDocumentTypeFromTypedRxJsonSchema<typeof registrationSchemaLiteral>;

/** The registration without its password: what is kept for the coordinators and shown to them. */
export type RegistrationDetails = Omit<Registration, 'password'>;
