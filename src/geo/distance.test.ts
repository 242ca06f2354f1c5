import { test } from 'node:test';
import assert from 'node:assert/strict';
import { haversineKm } from './distance.js';

const cases: Array<{ name: string; from: [number, number]; to: [number, number]; km: number; tolerance: number }> = [
  { name: 'same point', from: [39.9, 116.41], to: [39.9, 116.41], km: 0, tolerance: 1e-9 },
  { name: 'one degree of longitude on the equator', from: [0, 0], to: [0, 1], km: 111.2, tolerance: 0.2 },
  { name: 'Beijing → Shenzhen', from: [39.9, 116.41], to: [22.54, 114.06], km: 1943, tolerance: 15 },
  { name: 'London → New York', from: [51.5074, -0.1278], to: [40.7128, -74.006], km: 5570, tolerance: 15 },
  { name: 'antipodes', from: [0, 0], to: [0, 180], km: 20015, tolerance: 5 },
  { name: 'across the antimeridian', from: [0, 179.5], to: [0, -179.5], km: 111.2, tolerance: 0.2 },
];
for (const c of cases) {
  test(c.name, () => {
    const d = haversineKm(c.from[0], c.from[1], c.to[0], c.to[1]);
    assert.ok(Math.abs(d - c.km) <= c.tolerance, `${d} km`);
  });
}
