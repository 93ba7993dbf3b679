/** Validator of `members` documents, shared by the client and the server. */
import { createValidator } from '../validation';
import { memberSchemaLiteral, type Member } from './schema';

export const validateMember = createValidator<Member>(memberSchemaLiteral);
