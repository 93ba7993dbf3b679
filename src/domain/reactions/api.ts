/** A change the server could not apply after every attempt, as the coordinators' « Technique » page lists it. */
export interface DeadLetterEntry {
  id: string;
  /** The server's work that could not apply it, e.g. `dispatch-messages`. */
  reaction: string;
  /** The database and document whose change it was. */
  db: string;
  docId: string;
  /** Why, scrubbed of anything personal. */
  error: string;
  attempts: number;
  /** When it was set aside (ISO date). */
  at: string;
}

/** `GET /api/dead-letters`: the changes set aside, oldest first. */
export interface DeadLettersAnswer {
  deadLetters: DeadLetterEntry[];
}
