/**
 * The replicated collections of patient data, apart from the directory's and the cards' (database.ts):
 * they load with the encrypted database, not with the route a member lands on.
 */
import { messageMigrations, messageSchema, type RequestMessage } from '../domain/requests/message-schema';
import { PATIENT_SERVER_FIELDS, patientMigrations, patientSchema, type PatientBlock } from '../domain/requests/patient-schema';
import { serverAlwaysWins, serverWinsUnlessEditable } from './conflict';

/** The collections of the encrypted database (case-database.ts), exported for the Node tests that replicate like the app. */
export const CASE_COLLECTIONS = {
  // Edited on the device only while its request is a draft (the block does not know the status).
  patients: {
    schema: patientSchema,
    migrationStrategies: patientMigrations,
    conflictHandler: serverWinsUnlessEditable<PatientBlock>(() => true, PATIENT_SERVER_FIELDS),
  },
  // Append-only, one writer each: the server only adds `readers`.
  messages: { schema: messageSchema, migrationStrategies: messageMigrations, conflictHandler: serverAlwaysWins<RequestMessage>() },
};
