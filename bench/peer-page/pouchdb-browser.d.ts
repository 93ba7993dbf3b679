/** The little of PouchDB's API the peer page uses (the package ships no types). */
declare module 'pouchdb-browser' {
  interface ReplicateOptions {
    doc_ids?: string[];
    batch_size?: number;
  }
  export default class PouchDB {
    constructor(name: string, options?: { skip_setup?: boolean });
    info(): Promise<{ doc_count: number }>;
    replicate: { from(source: PouchDB, options?: ReplicateOptions): Promise<unknown> };
  }
}
