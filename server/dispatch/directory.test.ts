import { describe, expect, it, vi } from 'vitest';
import type { Couch } from '../storage/couch';
import { testLog } from '../testing/log';
import { MemberDirectory } from './directory';

const entry = (id: string) => ({ _id: id, _rev: '1-a', kind: 'professional', status: 'active', lastName: id });

/** A members database holding m-1 and m-2, whose feed then lists the deletion of m-1 without its document, as a cluster node may. */
function membersDb() {
  const db = {
    info: async () => ({ update_seq: 1 }),
    list: async () => ({ rows: [entry('m-1'), entry('m-2')].map((doc) => ({ id: doc._id, doc })) }),
    changes: async ({ since }: { since: number }) => {
      if (Number(since) === 1) return { results: [{ id: 'm-1', seq: 2, deleted: true, changes: [{ rev: '2-b' }] }], last_seq: 2 };
      return new Promise(() => {});
    },
    get: async () => {
      throw Object.assign(new Error('deleted'), { statusCode: 404, reason: 'deleted' });
    },
  };
  return { couch: { use: () => db } as unknown as Couch };
}

describe('the dispatcher’s directory', () => {
  it('drops a member whose deletion comes without its document', async () => {
    const fake = membersDb();
    const directory = new MemberDirectory(fake.couch, testLog);
    await directory.start();
    try {
      expect(directory.get('m-1')).toBeDefined();
      await vi.waitFor(() => expect(directory.seq).toBe(2));
      expect(directory.get('m-1')).toBeUndefined();
      expect([...directory.after('')].map((doc) => doc._id)).toEqual(['m-2']);
    } finally {
      directory.stop();
    }
  });
});
