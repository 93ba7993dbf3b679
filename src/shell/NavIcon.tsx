/** The navigation's icons: simple strokes drawn in the text colour, decorative (the label says it). */
import type { Icon } from './navigation';

const PATHS: Record<Icon, string> = {
  requests: 'M4 5h16v10h-5l-3 3-3-3H4z',
  new: 'M12 5v14M5 12h14',
  directory: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 19c0-3 3-5 6-5s6 2 6 5M16 5a3 3 0 0 1 0 6M18 14c2 .5 3 2 3 5',
  map: 'M12 21s-6-6-6-11a6 6 0 0 1 12 0c0 5-6 11-6 11zM12 12a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  availability: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 2',
  me: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6',
  profile: 'M5 4h14v16H5zM9 9h6M9 13h6M9 17h3',
  console: 'M4 6h16M4 12h16M4 18h10',
  intake: 'M6 3h4l2 5-3 2a11 11 0 0 0 5 5l2-3 5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 4 5a2 2 0 0 1 2-2z',
  roster: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  indicators: 'M5 20V10M12 20V4M19 20v-7',
  registrations: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 19c0-3 3-5 6-5s6 2 6 5M19 8v6M16 11h6',
  messages: 'M4 6h16v12H4zM4 6l8 7 8-7',
  import: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  technical: 'M12 4 3 20h18zM12 10v4M12 17v.5',
};

export function NavIcon(props: { icon: Icon }) {
  return (
    <svg class="nav-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <path d={PATHS[props.icon]} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
