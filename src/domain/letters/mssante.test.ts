import { describe, expect, it } from 'vitest';
import { parseMssanteAddress } from './mssante';

describe('an MSSanté address', () => {
  it('accepts the secure health mailboxes, normalised', () => {
    expect(parseMssanteAddress(' Jeanne.Martin@Medecin.MSSante.fr ')).toEqual({ ok: true, value: 'jeanne.martin@medecin.mssante.fr' });
    expect(parseMssanteAddress('secretariat@chr-metz-thionville.mssante.fr')).toEqual({ ok: true, value: 'secretariat@chr-metz-thionville.mssante.fr' });
    expect(parseMssanteAddress('a.b@pro.mssante.fr')).toMatchObject({ ok: true });
  });

  it('takes an empty one as no address', () => {
    expect(parseMssanteAddress('')).toEqual({ ok: true, value: null });
    expect(parseMssanteAddress(null)).toEqual({ ok: true, value: null });
  });

  it('refuses an ordinary mailbox or a look-alike, saying why in French', () => {
    for (const address of ['jeanne.martin@gmail.com', 'jeanne@mssante.fr.example.com', 'jeanne@fakemssante.fr', 'jeanne@medecin.mssante.fr@gmail.com', 'pas une adresse']) {
      const parsed = parseMssanteAddress(address);
      expect(parsed.ok, address).toBe(false);
      if (!parsed.ok) expect(parsed.error).toContain('se termine par « mssante.fr »');
    }
    expect(parseMssanteAddress(42)).toEqual({ ok: false, error: 'Champ « address » : une adresse MSSanté est attendue.' });
  });
});
