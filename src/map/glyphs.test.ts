import { describe, expect, it } from 'vitest';
import { PROFESSIONS, STRUCTURE_KINDS } from '../domain/members/professions';
import { clusterHtml, glyph, markerClass } from './glyphs';

describe('marker glyphs', () => {
  it('gives every profession and structure kind a short glyph, and tells GPs from specialists', () => {
    for (const code of [...Object.keys(PROFESSIONS), ...Object.keys(STRUCTURE_KINDS), 'coordination']) {
      expect(glyph(code).length).toBeGreaterThan(0);
      expect(glyph(code).length).toBeLessThanOrEqual(2);
    }
    expect(glyph('10', 'Médecine générale')).toBe('M');
    expect(glyph('10', 'Dermatologie')).toBe('Ms');
    expect(glyph('60')).toBe('I');
    expect(glyph('inconnu')).toBe('IN');
    expect(markerClass('on-call', true)).toBe('marker marker--on-call marker--structure');
  });

  it('draws a cluster with its count and the share of each state', () => {
    const { html, size } = clusterHtml({ total: 200, available: 50, onCall: 50 });
    expect(size).toBe(42);
    expect(html).toContain('var(--map-available) 0 25.0%');
    expect(html).toContain('var(--map-on-call) 0 50.0%');
    expect(html).toContain('>200<');
    expect(clusterHtml({ total: 1675, available: 0, onCall: 0 }).html).toContain('>1,7k<');
    expect(clusterHtml({ total: 100_000, available: 0, onCall: 0 }).html).toContain('>100k<');
  });
});
