/** How a marker looks: a letter per profession or structure kind, a colour per state, a pie of states for a cluster. Pure strings, no images. */
import type { MapState } from './points';

const GLYPHS: Record<string, string> = {
  '10': 'M',
  '21': 'Ph',
  '26': 'Au',
  '28': 'Op',
  '40': 'D',
  '50': 'SF',
  '60': 'I',
  '70': 'K',
  '80': 'P',
  '81': 'Or',
  '91': 'O',
  '92': 'Ot',
  '94': 'E',
  '95': 'Di',
  '96': 'Pm',
  hopital: 'H',
  ehpad: 'Ep',
  ehpa: 'Ea',
  'logement-foyer': 'RA',
  handicap: 'Ha',
  addictologie: 'Ad',
  ambulance: 'A',
  'service-social': 'S',
  pharmacie: 'Ph',
  coordination: 'C',
};

/** One or two letters; a specialist doctor shows as « Ms » so GPs stand out. */
export function glyph(profession: string, specialty = ''): string {
  if (profession === '10' && specialty && specialty !== 'Médecine générale') return 'Ms';
  return GLYPHS[profession] ?? profession.slice(0, 2).toUpperCase();
}

/** The inside of a member's marker: a disc for a professional, a square for a structure (class `marker--<state>`). */
export function markerHtml(text: string): string {
  return `<span aria-hidden="true">${text}</span>`;
}

export function markerClass(state: MapState, structure: boolean): string {
  return `marker marker--${state}${structure ? ' marker--structure' : ''}`;
}

export interface ClusterCounts {
  total: number;
  available: number;
  onCall: number;
}

/** Disc sized by the count, its ring split between available (green), on call (blue) and the rest (grey). */
export function clusterHtml({ total, available, onCall }: ClusterCounts): { html: string; size: number } {
  const size = total < 10 ? 30 : total < 100 ? 36 : total < 1000 ? 42 : 50;
  const a = total ? (available / total) * 100 : 0;
  const o = total ? ((available + onCall) / total) * 100 : 0;
  const ring = `conic-gradient(var(--map-available) 0 ${a.toFixed(1)}%, var(--map-on-call) 0 ${o.toFixed(1)}%, var(--map-unavailable) 0)`;
  const label = total >= 10_000 ? `${Math.round(total / 1000)}k` : total >= 1000 ? `${(total / 1000).toFixed(1).replace('.', ',')}k` : String(total);
  return { html: `<span class="cluster__ring" style="background:${ring}"></span><span class="cluster__count" aria-hidden="true">${label}</span>`, size };
}
