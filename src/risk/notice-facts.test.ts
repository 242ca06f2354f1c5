import { test } from 'node:test';
import assert from 'node:assert/strict';
import { noticeFacts } from './notice-facts.js';

test('risk signals in notice words', () => {
  const cases: Array<[Parameters<typeof noticeFacts>[0], ReturnType<typeof noticeFacts>]> = [
    [[], {}],
    [[{ rule: 'new-city', details: { city: 'CN|广东省|深圳市', usualCities: ['CN|北京|北京市', 'US|California|'] } }], { usualCities: '北京市, California' }],
    [[{ rule: 'impossible-travel', details: { distanceKm: 10921, elapsedMinutes: 60 } }], { travel: '10921 km / 1 h' }],
    [[{ rule: 'new-device', details: {} }], {}],
  ];
  for (const [signals, expected] of cases) assert.deepEqual(noticeFacts(signals), expected);
});
