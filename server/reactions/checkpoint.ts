/** Where the reactions are in their databases' change feeds, kept in the `server` database across restarts. */
import type { Seq } from '../storage/changes';

/**
 * `checkpoint-<db>`: the position in `db`'s feed that every reaction named in `reactions` has handled
 * (`db` tells a backup which feed `since` belongs to). Earlier versions kept one per reaction,
 * `checkpoint-<reaction>`, without `reactions`.
 */
export interface Checkpoint {
  _id: string;
  _rev?: string;
  db?: string;
  since: Seq;
  reactions?: string[];
}

export const CHECKPOINT_PREFIX = 'checkpoint-';

/**
 * How often a checkpoint is written while its feed brings a few changes at a time: after a batch
 * that comes this long after the last write, or that makes a whole batch (BATCH changes) since.
 * Written after every batch, the checkpoints were two writes in three of a posted request. A restart
 * handles again the changes after the checkpoint, which find their work done.
 */
export const CHECKPOINT_EVERY_MS = 5_000;
/** The changes read at a time. */
export const BATCH = 100;
