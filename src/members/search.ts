/**
 * Directory search: every word typed must appear in the member's name, profession, specialty,
 * skills or commune, ignoring case and accents. Pure, so it can be tested without a browser.
 */
import { GENERAL_PRACTICE, professionLabel } from '../domain/members/professions';
import type { Member } from '../domain/members/schema';

type Searchable = Pick<Member, 'displayName' | 'profession'> &
  Partial<Pick<Member, 'firstName' | 'lastName' | 'specialty'>> & {
    skills?: readonly string[];
    address: Pick<Member['address'], 'commune' | 'postcode'>;
  };

export interface IndexedEntry<T> {
  member: T;
  /** Normalised text searched by the query. */
  text: string;
}

/** Lower case, accents removed (« Évêché » → « eveche »), apostrophes and dashes made spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[’'`\-_/.,;:()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Feminine form of a profession word (« infirmier » → « infirmiere »): labels are masculine, people type both. */
export function feminine(word: string): string | null {
  if (word.endsWith('ien')) return `${word}ne`;
  if (word.endsWith('ier')) return `${word.slice(0, -1)}re`;
  if (word.endsWith('eur')) return `${word.slice(0, -1)}se`;
  return null;
}

/** Words people use that the labels do not contain. */
const EXTRA_WORDS: Record<string, string> = {
  [GENERAL_PRACTICE]: 'generaliste',
  '50': 'maieuticien',
};

function professionWords(profession: string, specialty: string | undefined): string {
  const label = normalize(professionLabel(profession));
  const feminineForms = label.split(' ').map(feminine).filter(Boolean);
  return [label, ...feminineForms, EXTRA_WORDS[profession], specialty && EXTRA_WORDS[specialty]].filter(Boolean).join(' ');
}

export function searchText(member: Searchable): string {
  return normalize(
    [
      member.displayName,
      member.firstName,
      member.lastName,
      professionWords(member.profession, member.specialty),
      member.specialty,
      ...(member.skills ?? []),
      member.address.commune,
      member.address.postcode,
    ]
      .filter(Boolean)
      .join(' '),
  );
}

/** People by last name then first name (« Dr » and other titles aside), structures by their name. */
export function sortKey(member: Searchable): string {
  return normalize(member.lastName ? `${member.lastName} ${member.firstName ?? ''}` : member.displayName);
}

const collator = new Intl.Collator('fr');
/** A member's text and sort key, by its (unchanging) entry: a change of the collection only computes the new entries'. */
const computed = new WeakMap<object, { text: string; key: string }>();

/** Built once per change of the collection, sorted, so each keystroke only filters. */
export function buildIndex<T extends Searchable>(members: readonly T[]): IndexedEntry<T>[] {
  return members
    .map((member) => {
      let known = computed.get(member);
      if (!known) computed.set(member, (known = { text: searchText(member), key: sortKey(member) }));
      return { member, ...known };
    })
    .sort((a, b) => collator.compare(a.key, b.key))
    .map(({ member, text }) => ({ member, text }));
}

/**
 * The words of a query, a final plural « s » or « x » dropped (« infirmieres » finds « infirmiere »);
 * as words match anywhere in the text, dropping a letter only ever widens the match.
 */
export function queryWords(query: string): string[] {
  const normalized = normalize(query);
  if (!normalized) return [];
  return normalized.split(' ').map((w) => (w.length > 3 && /[sx]$/.test(w) ? w.slice(0, -1) : w));
}

/** Members matching every word of the query, in index order; an empty query matches everyone. */
export function search<T>(index: readonly IndexedEntry<T>[], query: string): T[] {
  const words = queryWords(query);
  const found = words.length === 0 ? index : index.filter((e) => words.every((w) => e.text.includes(w)));
  return found.map((e) => e.member);
}
