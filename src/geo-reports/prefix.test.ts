import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPrefix } from './prefix.js';
import { countryCodeOf } from './country.js';

test('override prefixes must cover the reported address and not be too wide', () => {
  const cases: Array<[string, string | undefined, { cidr: string } | 'error']> = [
    ['8.8.8.8', undefined, { cidr: '8.8.8.8' }],
    ['8.8.8.8', '8.8.8.0/24', { cidr: '8.8.8.0/24' }],
    ['8.8.8.8', '8.8.0.0/16', { cidr: '8.8.0.0/16' }],
    ['8.8.8.8', '8.0.0.0/8', 'error'],
    ['8.8.8.8', '9.9.9.0/24', 'error'],
    ['8.8.8.8', 'nonsense', 'error'],
    ['8.8.8.8', '2001:db8::/48', 'error'],
    ['2001:db8:1::5', '2001:db8:1::/48', { cidr: '2001:db8:1::/48' }],
    ['2001:db8:1::5', '2001:db8:2::/48', 'error'],
    ['2001:db8:1::5', '2001::/16', 'error'],
  ];
  for (const [ip, prefix, expected] of cases) {
    const got = checkPrefix(ip, prefix);
    if (expected === 'error') assert.ok('error' in got, `${ip} ${prefix}`);
    else assert.deepEqual(got, expected, `${ip} ${prefix}`);
  }
});

test('countries typed by people become ISO codes', () => {
  const cases: Array<[string, string | null]> = [['CN', 'CN'], ['cn', 'CN'], ['中国', 'CN'], ['China', 'CN'], ['united states', 'US'], ['日本', 'JP'], ['Japan', 'JP'], ['ZZ', null], ['Atlantis', null]];
  for (const [input, code] of cases) assert.equal(countryCodeOf(input), code, input);
});
