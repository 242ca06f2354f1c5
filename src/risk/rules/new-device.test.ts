import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDeviceRule } from './new-device.js';

const cases: Array<{ name: string; deviceId: string | null; previous: Array<string | null>; knownDevices?: number }> = [
  { name: 'unseen device fires', deviceId: 'firefox:linux', previous: ['chrome:windows', 'safari:ios'], knownDevices: 2 },
  { name: 'seen device', deviceId: 'chrome:windows', previous: ['safari:ios', 'chrome:windows'] },
  { name: 'first sign-in ever: no signal', deviceId: 'chrome:windows', previous: [] },
  { name: 'history without device ids: no signal', deviceId: 'chrome:windows', previous: [null, null] },
  { name: 'no device id for this sign-in: no signal', deviceId: null, previous: ['chrome:windows'] },
  { name: 'empty device id: no signal', deviceId: '', previous: ['chrome:windows'] },
  { name: 'duplicates counted once', deviceId: 'edge:windows', previous: ['chrome:windows', 'chrome:windows', null], knownDevices: 1 },
];

for (const c of cases) {
  test(c.name, () => {
    const signal = newDeviceRule({ deviceId: c.deviceId, deviceLabel: 'Label', previousDeviceIds: c.previous });
    if (c.knownDevices === undefined) return assert.equal(signal, null);
    assert.deepEqual(signal, { rule: 'new-device', details: { deviceId: c.deviceId, deviceLabel: 'Label', knownDevices: c.knownDevices } });
  });
}
