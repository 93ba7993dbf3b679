/** A small replicated collection for the storage wrappers' tests: a directory entry reduced to what they need. */
export interface Entry {
  id: string;
  specialty: string;
  updatedAt: string;
}

export const entrySchema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 100 }, specialty: { type: 'string' }, updatedAt: { type: 'string' } },
  required: ['id', 'specialty', 'updatedAt'],
} as const;
