/**
 * Opening an RxDB database encrypted at rest (RxDB's crypto-js plugin) under a password that can
 * change: data written under another password cannot be read, so it is dropped and synced again.
 */
import { createRxDatabase, removeRxDatabase, type CollectionsOfDatabase, type RxCleanupPolicy, type RxCollectionCreator, type RxDatabase, type RxStorage } from 'rxdb';

export interface EncryptedDatabaseOptions {
  name: string;
  /** Already wrapped by the encryption plugin. */
  storage: RxStorage<unknown, unknown>;
  password: string;
  collections: Record<string, RxCollectionCreator>;
  multiInstance?: boolean;
  cleanupPolicy?: Partial<RxCleanupPolicy>;
}

/** RxDB's "wrong password" error, raised when the collections are added. */
const isWrongPassword = (err: unknown) => (err as { code?: string }).code === 'DB1';

async function create<C extends CollectionsOfDatabase>(options: EncryptedDatabaseOptions): Promise<RxDatabase<C>> {
  const db = await createRxDatabase<C>({
    name: options.name,
    storage: options.storage,
    password: options.password,
    multiInstance: options.multiInstance ?? true,
    closeDuplicates: true,
    cleanupPolicy: options.cleanupPolicy,
  });
  try {
    await db.addCollections(options.collections as never);
    return db;
  } catch (err) {
    await db.close();
    throw err;
  }
}

export async function openEncryptedDatabase<C extends CollectionsOfDatabase>(options: EncryptedDatabaseOptions): Promise<RxDatabase<C>> {
  try {
    return await create<C>(options);
  } catch (err) {
    if (!isWrongPassword(err)) throw err;
    await removeRxDatabase(options.name, options.storage, options.multiInstance ?? true, options.password);
    return create<C>(options);
  }
}
