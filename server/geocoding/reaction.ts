/**
 * Locates a member's practice address on the server after they moved it (the device, offline,
 * can only put them at their commune's centroid): active entries whose position is approximate.
 */
import type { Member } from '../../src/domain/members/schema';
import type { Reaction } from '../reactions/reaction';
import type { Couch } from '../storage/couch';
import type { Geocoder } from './geocoder';

type StoredMember = Omit<Member, 'id'> & { _id: string; _rev: string; _deleted?: boolean };

const addressKey = (m: StoredMember) => `${m._id}|${m.address.street}|${m.address.postcode}|${m.address.commune}`;

export function geocodeMovedAddresses(couch: Couch, geocoder: Geocoder): Reaction<StoredMember> {
  // Addresses already tried without success: not asked again until they change.
  const tried = new Set<string>();
  return {
    name: 'geocode-moved-addresses',
    db: 'members',
    wants: (m) => !m._deleted && m.status === 'active' && m.location?.approximate === true && Boolean(m.address?.street) && !tried.has(addressKey(m)),
    async run(m) {
      const position = await geocoder.locate(m.address);
      if (position.approximate) {
        tried.add(addressKey(m));
        return;
      }
      try {
        await couch.use('members').insert({ ...m, location: position, updatedAt: new Date(Math.max(Date.now(), Date.parse(m.updatedAt) + 1)).toISOString() } as never);
      } catch (err) {
        // The member changed the entry meanwhile: the next change brings it back here.
        if ((err as { statusCode?: number }).statusCode !== 409) throw err;
      }
    },
  };
}
