/** A media query as a signal: the layout switches between the phone's tabs and the desktop's side bar. */
import { createSignal, onCleanup, type Accessor } from 'solid-js';

export function createMediaQuery(query: string): Accessor<boolean> {
  const list = window.matchMedia(query);
  const [matches, setMatches] = createSignal(list.matches);
  const changed = (e: MediaQueryListEvent) => setMatches(e.matches);
  list.addEventListener('change', changed);
  onCleanup(() => list.removeEventListener('change', changed));
  return matches;
}

/** Wider than a phone held upright: the side bar instead of the bottom tabs. */
export const WIDE = '(min-width: 760px)';
