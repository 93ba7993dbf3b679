/**
 * `GET /api/session/device-key`: the signed-in account's device key (devices derive from it the key
 * of their encrypted patient data), never cached, and how long closed cases stay on devices.
 */
import type { FastifyInstance } from 'fastify';
import type { DeviceKeyAnswer } from '../../src/domain/devices/api';
import type { Sessions } from '../session/sessions';
import type { DeviceKeys } from './keys';
import type { Config } from '../config';
import { requireUser } from '../session/auth';

export function deviceRoutes(app: FastifyInstance, { sessions, deviceKeys, config }: { sessions: Sessions; deviceKeys: DeviceKeys; config: Pick<Config, 'devicePurgeDays'> }): void {
  app.get('/api/session/device-key', { preHandler: requireUser(sessions) }, async (request, reply): Promise<DeviceKeyAnswer> => {
    reply.header('cache-control', 'no-store');
    const key = await deviceKeys.current(request.user!.id);
    return { key: key.secret, version: key.version, accountId: request.user!.id, purgeAfterDays: config.devicePurgeDays };
  });
}
