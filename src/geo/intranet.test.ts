import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIntranet } from './intranet.js';
import { parseIp } from './ip.js';

const cases: Array<{ ip: string; intranet: boolean }> = [
  { ip: '10.0.0.1', intranet: true },
  { ip: '10.255.255.255', intranet: true },
  { ip: '11.0.0.1', intranet: false },
  { ip: '172.15.255.255', intranet: false },
  { ip: '172.16.0.1', intranet: true },
  { ip: '172.31.255.255', intranet: true },
  { ip: '172.32.0.0', intranet: false },
  { ip: '192.168.0.1', intranet: true },
  { ip: '192.169.0.1', intranet: false },
  { ip: '127.0.0.1', intranet: true },
  { ip: '127.255.0.9', intranet: true },
  { ip: '169.254.10.10', intranet: true },
  { ip: '100.63.255.255', intranet: false },
  { ip: '100.64.0.0', intranet: true },
  { ip: '100.127.255.255', intranet: true },
  { ip: '100.128.0.0', intranet: false },
  { ip: '8.8.8.8', intranet: false },
  { ip: '0.0.0.0', intranet: false },
  { ip: '::1', intranet: true },
  { ip: '::', intranet: false },
  { ip: '::2', intranet: false },
  { ip: 'fe80::1', intranet: true },
  { ip: 'febf:ffff::1', intranet: true },
  { ip: 'fec0::1', intranet: false },
  { ip: 'fc00::1', intranet: true },
  { ip: 'fdff:ffff::1', intranet: true },
  { ip: 'fe00::1', intranet: false },
  { ip: '2001:4860:4860::8888', intranet: false },
  { ip: '::ffff:10.1.2.3', intranet: true },
  { ip: '::ffff:127.0.0.1', intranet: true },
  { ip: '::ffff:8.8.8.8', intranet: false },
];

for (const c of cases) {
  test(`${c.ip} → ${c.intranet ? 'intranet' : 'public'}`, () => {
    const parsed = parseIp(c.ip);
    assert.ok(parsed);
    assert.equal(isIntranet(parsed), c.intranet);
  });
}
