/**
 * A member's secure health mailbox (MSSanté), where the platform sends a case's closing letter:
 * never to an ordinary mailbox. The MSSanté domains all end in `mssante.fr` (`medecin.mssante.fr`,
 * `pro.mssante.fr`, an establishment's own `…mssante.fr`).
 */

const ADDRESS = /^[a-z0-9._%+'-]{1,64}@(?:[a-z0-9-]+\.)*mssante\.fr$/;

/** `PUT /api/account/mssante` and its answer: `null` removes it. */
export interface MssanteAddress {
  address: string | null;
}

/** The address normalised (trimmed, lower case), `null` for an empty one, or the French reason it is refused. */
export function parseMssanteAddress(raw: unknown): { ok: true; value: string | null } | { ok: false; error: string } {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: null };
  if (typeof raw !== 'string' || raw.length > 254) return { ok: false, error: 'Champ « address » : une adresse MSSanté est attendue.' };
  const address = raw.trim().toLowerCase();
  if (!ADDRESS.test(address)) {
    return { ok: false, error: `« ${address.slice(0, 80)} » n’est pas une adresse MSSanté : une messagerie sécurisée de santé se termine par « mssante.fr » (par exemple prenom.nom@medecin.mssante.fr).` };
  }
  return { ok: true, value: address };
}
