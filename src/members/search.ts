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
  /** Normalised names (display, first, last): a match there ranks first. */
  name: string;
  /** The distinct words of `text`, for a query word typed with a typo. */
  words: ReadonlySet<string>;
}

/** What a query is matched against, for each member of an index. */
export interface SearchTexts<T> {
  /** In name order. */
  entries: IndexedEntry<T>[];
  /** Every word of every entry, once. */
  vocabulary: ReadonlySet<string>;
}

export interface SearchIndex<T> {
  /** In name order: what an empty query lists. */
  members: readonly T[];
  /** The searched texts, computed on the first query that needs them (or ahead, when the page is idle). */
  texts(): SearchTexts<T>;
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

/** Words people use that the labels do not contain: the nouns of a specialty's doctors, the short names. */
const EXTRA_WORDS: Record<string, string> = {
  [GENERAL_PRACTICE]: 'generaliste',
  '10': 'docteur',
  '40': 'dentiste',
  '50': 'maieuticien maieuticienne',
  '70': 'kine',
  Cardiologie: 'cardiologue',
  Dermatologie: 'dermatologue',
  Endocrinologie: 'endocrinologue',
  'Gastro-entérologie': 'gastroenterologue gastro enterologue',
  Gériatrie: 'geriatre',
  Gynécologie: 'gynecologue',
  Neurologie: 'neurologue',
  Ophtalmologie: 'ophtalmologue ophtalmologiste',
  ORL: 'oto rhino laryngologiste',
  Pédiatrie: 'pediatre',
  Pneumologie: 'pneumologue',
  Psychiatrie: 'psychiatre',
  Radiologie: 'radiologue',
  Rhumatologie: 'rhumatologue',
  Néphrologie: 'nephrologue',
  Urologie: 'urologue',
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
interface Texts {
  text: string;
  name: string;
  words: ReadonlySet<string>;
}
/**
 * A member's sort key and texts, by its (unchanging) entry: a change of the collection only
 * computes the new entries'. The texts cost most and an empty query (the directory as it opens)
 * needs only the order, so they are kept apart.
 */
const sortKeys = new WeakMap<object, string>();
const searched = new WeakMap<object, Texts>();

function keyOf(member: Searchable): string {
  let key = sortKeys.get(member);
  if (key === undefined) sortKeys.set(member, (key = sortKey(member)));
  return key;
}

function textsOf(member: Searchable): Texts {
  let known = searched.get(member);
  if (!known) {
    const text = searchText(member);
    const name = normalize([member.displayName, member.firstName, member.lastName].filter(Boolean).join(' '));
    searched.set(member, (known = { text, name, words: new Set(text.split(' ')) }));
  }
  return known;
}

/** Built once per change of the collection, sorted, so each keystroke only filters. */
export function buildIndex<T extends Searchable>(members: readonly T[]): SearchIndex<T> {
  const sorted = members
    .map((member) => ({ member, key: keyOf(member) }))
    .sort((a, b) => collator.compare(a.key, b.key))
    .map(({ member }) => member);
  let texts: SearchTexts<T> | undefined;
  return {
    members: sorted,
    texts() {
      if (!texts) {
        const vocabulary = new Set<string>();
        const entries = sorted.map((member) => {
          const known = textsOf(member);
          for (const word of known.words) vocabulary.add(word);
          return { member, ...known };
        });
        texts = { entries, vocabulary };
      }
      return texts;
    },
  };
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

/** Query words shorter than this are matched as typed only: one typo in three letters finds anything. */
const FUZZY_FROM = 5;

/** True when `a` and `b` differ by at most one letter added, removed, replaced, or two neighbours swapped. */
export function withinOneTypo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const rest = (x: number, y: number) => a.slice(i + x) === b.slice(i + y);
  if (a.length === b.length) return rest(1, 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(2, 2));
  return a.length > b.length ? rest(1, 0) : rest(0, 1);
}

/** The words of the index a query word may stand for with one typo: the whole word, or its start as typed so far. */
function typoMatches(word: string, vocabulary: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  if (word.length < FUZZY_FROM) return found;
  for (const known of vocabulary) {
    if (withinOneTypo(word, known) || [0, 1, -1].some((d) => known.length > word.length + d && withinOneTypo(word, known.slice(0, word.length + d)))) found.add(known);
  }
  return found;
}

/** How well an entry matches: every word in its names, every word in its text, some only with a typo; or not at all. */
const NAME = 0;
const TEXT = 1;
const TYPO = 2;
const NONE = 3;

function hasAny(words: ReadonlySet<string>, wanted: ReadonlySet<string>): boolean {
  for (const word of words) if (wanted.has(word)) return true;
  return false;
}

/**
 * Members matching every word of the query (anywhere in their text, or a word of it with one typo),
 * those whose names hold every word first, then the others, then those found despite a typo,
 * each group in index order; an empty query matches everyone.
 */
export function search<T>(index: SearchIndex<T>, query: string): T[] {
  const words = queryWords(query);
  if (words.length === 0) return [...index.members];
  const { entries, vocabulary } = index.texts();
  const typos = new Map<string, Set<string>>();
  const typoOf = (word: string) => typos.get(word) ?? typos.set(word, typoMatches(word, vocabulary)).get(word)!;
  const groups: T[][] = [[], [], [], []];
  for (const entry of entries) {
    let match = NAME;
    for (const word of words) {
      if (entry.name.includes(word)) continue;
      if (entry.text.includes(word)) match = Math.max(match, TEXT);
      else if (hasAny(entry.words, typoOf(word))) match = TYPO;
      else match = NONE;
      if (match === NONE) break;
    }
    if (match !== NONE) groups[match].push(entry.member);
  }
  return [...groups[NAME], ...groups[TEXT], ...groups[TYPO]];
}
