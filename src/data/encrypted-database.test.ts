import { describe, expect, it } from 'vitest';
import type { RxCollection } from 'rxdb';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { samplePatient } from '../domain/requests/fixtures';
import { patientSchema, type PatientBlock } from '../domain/requests/patient-schema';
import { openEncryptedDatabase } from './encrypted-database';

type Cases = { patients: RxCollection<PatientBlock> };
const storage = wrappedKeyEncryptionCryptoJsStorage({ storage: getRxStorageMemory() });
const open = (name: string, password: string) =>
  openEncryptedDatabase<Cases>({ name, storage: storage as never, password, multiInstance: false, collections: { patients: { schema: patientSchema } } });

describe('encrypted local database', () => {
  it('stores the encrypted fields as ciphertext and reads them back in clear', async () => {
    const db = await open('enc-a', 'first-device-key-password');
    await db.patients.insert(samplePatient());
    expect((await db.patients.findOne(samplePatient().id).exec())!.identity.lastName).toBe('Durand');
    // Under RxDB's and the plugin's wrappers, what the storage itself holds.
    type Layer = { originalStorageInstance?: Layer; findDocumentsById(ids: string[], deleted: boolean): Promise<Array<Record<string, unknown>>> };
    let raw = db.patients.storageInstance as unknown as Layer;
    while (raw.originalStorageInstance) raw = raw.originalStorageInstance;
    const [stored] = await raw.findDocumentsById([samplePatient().id], false);
    expect(stored.identity).toMatch(/^U2FsdGVkX1/);
    expect(JSON.stringify(stored)).not.toContain('Durand');
    await db.close();
  });

  it('keeps its data under the same key, and starts empty under a new one (to be synced again)', async () => {
    const first = await open('enc-b', 'first-device-key-password');
    await first.patients.insert(samplePatient());
    await first.close();
    const again = await open('enc-b', 'first-device-key-password');
    expect(await again.patients.count().exec()).toBe(1);
    await again.close();
    const rotated = await open('enc-b', 'second-device-key-password');
    expect(await rotated.patients.count().exec()).toBe(0);
    await rotated.patients.insert(samplePatient());
    expect(await rotated.patients.count().exec()).toBe(1);
    await rotated.close();
  });
});
