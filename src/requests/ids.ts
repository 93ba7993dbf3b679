/** Identifiers generated on the device, so a document written offline keeps its id when it reaches the server (sent exactly once). */
import { messageIdOf } from '../domain/requests/message-schema';

const hex = () => crypto.randomUUID().replaceAll('-', '');

/** `r-` and 32 lowercase hex characters. */
export const newRequestId = (): string => `r-${hex()}`;

/** `<requestId>--<authorId>--<16 hex>`: one author per id, so messages never conflict. */
export const newMessageId = (requestId: string, authorId: string): string => messageIdOf(requestId, authorId, hex().slice(0, 16));

/** A photo's or a document's id (a UUID), also its address under `/api/uploads/`. */
export const newUploadId = (): string => crypto.randomUUID();

/** An audit entry's id: the server records a retried upload once. */
export const newAuditId = (): string => crypto.randomUUID();
