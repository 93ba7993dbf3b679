import { describe, expect, it } from 'vitest';
import { distanceKm } from './geo';

describe('distanceKm', () => {
  it('is zero for one point and symmetric', () => {
    const metz = { lat: 49.1193, lon: 6.1757 };
    const nancy = { lat: 48.6921, lon: 6.1844 };
    expect(distanceKm(metz, metz)).toBe(0);
    expect(distanceKm(metz, nancy)).toBeCloseTo(distanceKm(nancy, metz), 9);
  });

  it('matches known distances', () => {
    // Metz – Nancy, about 47.5 km as the crow flies; Paris – Marseille about 661 km.
    expect(distanceKm({ lat: 49.1193, lon: 6.1757 }, { lat: 48.6921, lon: 6.1844 })).toBeCloseTo(47.5, 0);
    expect(distanceKm({ lat: 48.8566, lon: 2.3522 }, { lat: 43.2965, lon: 5.3698 })).toBeGreaterThan(655);
    expect(distanceKm({ lat: 48.8566, lon: 2.3522 }, { lat: 43.2965, lon: 5.3698 })).toBeLessThan(665);
  });
});
