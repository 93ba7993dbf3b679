/**
 * Which communes a new territory holds, with their names, postcodes, population and old codes, from
 * the `@etalab/decoupage-administratif` package (INSEE's official geography, no network needed).
 */
import { createRequire } from 'node:module';
import type { FormerCommune } from '../../../src/domain/territory/settings';

interface DecoupageCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement?: string;
  chefLieu?: string;
  codesPostaux?: string[];
  population?: number;
  anciensCodes?: string[];
}

interface DecoupageEpci {
  code: string;
  nom: string;
  membres: Array<{ code: string }>;
}

export interface SelectedCommune {
  insee: string;
  name: string;
  postcodes: string[];
  population: number;
  departement: string;
}

export type Selection = { communes: string[] } | { epci: string } | { departement: string };

export class SelectionError extends Error {}

const load = createRequire(import.meta.url);
let cache: { communes: DecoupageCommune[]; epci: DecoupageEpci[] } | undefined;

function data() {
  cache ??= {
    communes: load('@etalab/decoupage-administratif/data/communes.json') as DecoupageCommune[],
    epci: load('@etalab/decoupage-administratif/data/epci.json') as DecoupageEpci[],
  };
  return cache;
}

function current(): Map<string, DecoupageCommune> {
  return new Map(data().communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]));
}

/** The INSEE codes a selection names, checked against the official list (an old code is pointed to its current commune). */
export function selectCodes(selection: Selection): string[] {
  const byCode = current();
  if ('epci' in selection) {
    const epci = data().epci.find((e) => e.code === selection.epci);
    if (!epci) throw new SelectionError(`EPCI inconnu : ${selection.epci} (numéro SIREN à 9 chiffres)`);
    return epci.membres.map((m) => m.code);
  }
  if ('departement' in selection) {
    const codes = [...byCode.values()].filter((c) => c.departement === selection.departement.toUpperCase()).map((c) => c.code);
    if (!codes.length) throw new SelectionError(`département inconnu : ${selection.departement}`);
    return codes;
  }
  const unknown: string[] = [];
  for (const code of selection.communes) {
    if (byCode.has(code)) continue;
    const merged = [...byCode.values()].find((c) => c.anciensCodes?.includes(code));
    unknown.push(merged ? `${code} (aujourd’hui ${merged.code} ${merged.nom})` : code);
  }
  if (unknown.length) throw new SelectionError(`codes INSEE inconnus ou anciens : ${unknown.join(', ')}`);
  if (!selection.communes.length) throw new SelectionError('aucune commune choisie');
  return [...new Set(selection.communes)];
}

export function describeCommunes(codes: string[]): SelectedCommune[] {
  const byCode = current();
  return codes.map((code) => {
    const c = byCode.get(code)!;
    return { insee: c.code, name: c.nom, postcodes: c.codesPostaux ?? [], population: c.population ?? 0, departement: c.departement ?? code.slice(0, 2) };
  });
}

/** Delegated and associated communes, and old codes, that national files may still use for these communes. */
export function formerCommunesOf(codes: string[]): FormerCommune[] {
  const wanted = new Set(codes);
  const out: FormerCommune[] = [];
  const named = new Set<string>();
  for (const c of data().communes) {
    if ((c.type !== 'commune-deleguee' && c.type !== 'commune-associee') || !c.chefLieu || !wanted.has(c.chefLieu)) continue;
    out.push({ ...(c.code !== c.chefLieu ? { formerInsee: c.code } : {}), formerName: c.nom, insee: c.chefLieu });
    named.add(c.code);
  }
  for (const code of codes) {
    for (const old of current().get(code)?.anciensCodes ?? []) if (!named.has(old)) out.push({ formerInsee: old, insee: code });
  }
  return out;
}
