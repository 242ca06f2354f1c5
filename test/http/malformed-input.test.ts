/**
 * Robustness: hundreds of generated bad requests against every route of the OpenAPI document
 * (wrong types, missing and extra fields, invalid JSON, non-objects, huge strings, unicode
 * oddities, deep nesting, junk path and query parameters), sent with a valid session so the
 * body really is parsed. Every answer must be a 4xx with a stable code from the catalog and a
 * message — never a 5xx, never a stack trace. Bodies that happen to be schema-valid (a field
 * full of RTL overrides, say) may succeed, but still never 5xx.
 *
 * Generation is driven by a seeded PRNG: a failure prints its seed; rerun with
 * MALFORMED_SEED=<seed> to reproduce it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_CATALOG } from '../../src/platform/http/error-catalog.js';
import { DB_KINDS, postgresSkipReason } from '../support/databases.js';
import { startGatehouse, TEST_PASSWORD, type TestGatehouse } from '../support/harness.js';

const SEED = Number(process.env.MALFORMED_SEED ?? 0x5eed_2026);
const BODY_LIMIT_BYTES = 64 * 1024;

/** mulberry32: small, fast, good enough to pick test inputs reproducibly. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}
type Rng = ReturnType<typeof prng>;

const ODD_STRINGS = [
  '\ud800', // lone high surrogate
  'abc\udfff', // lone low surrogate
  '\u202eevil\u202c', // RTL override
  'nul\u0000byte',
  '\u200b\u200c\u200d\ufeff', // zero-width and BOM
  'e\u0301\u0301\u0301\u0301', // stacked combining marks
  '💩👨‍👩‍👧‍👦',
  '\u0000',
  ' ',
  '',
  '\r\n\t',
  '../../etc/passwd',
  "' or '1'='1",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '__proto__',
  '%00%ff',
  '١٢٣٤٥٦', // Arabic-Indic digits
  '１２３４５６', // full-width digits
  'ǅ\uFB01',
];
const WRONG_TYPES: unknown[] = [0, -1, 1.5, 1e308, true, false, null, [], ['a'], {}, { a: 1 }, [[[]]]];
const JUNK_PATH = ['%00', '..%2F..%2Fetc', 'a'.repeat(250), '%F0%9F%92%A9', '%E2%80%AE', "'%20or%201=1--", '%ff%fe', '-1', '0', '1e309', '%7B%7B7*7%7D%7D', 'null', '%20'];
const JUNK_QUERY = ['', 'x'.repeat(3000), '-1', '%00', 'abc', '1e999', '%E2%80%AE', '%ff', '99999999999999999999', 'true', 'null'];

/** A plausible value for a schema property, used to fill the fields not under attack. */
function plausible(schema: any): unknown {
  if (!schema || typeof schema !== 'object') return 'x';
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  if (type === 'array') return [];
  if (type === 'object') return {};
  return 'abcdef';
}

function deepNest(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

interface Probe {
  label: string;
  /** Raw payload; undefined sends no body. */
  payload?: string | Buffer;
  contentType?: string;
  /** True when the payload cannot be valid for the route: the answer must be 4xx. */
  mustFail: boolean;
}

/** The bad bodies for one operation, from its declared JSON body schema. */
function bodyProbes(rng: Rng, schema: any | undefined): Probe[] {
  const declared = !!schema;
  const props: Record<string, any> = schema?.properties ?? {};
  const names = Object.keys(props);
  const required: string[] = schema?.required ?? [];
  const base = Object.fromEntries(names.map((n) => [n, plausible(props[n])]));
  const json = (label: string, value: unknown, mustFail: boolean): Probe => ({ label, payload: JSON.stringify(value), mustFail });
  const probes: Probe[] = [];
  for (const raw of ['{', '{"a":', "{'a':1}", '{"a":1,}', 'nul', '[1,2', '\u0000', '{"a":"\\ud800"', '{"a":1}{"b":2}']) probes.push({ label: `invalid JSON ${JSON.stringify(raw)}`, payload: raw, mustFail: true });
  probes.push({ label: 'invalid UTF-8 bytes', payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]), mustFail: declared });
  for (const v of [null, [], [base], 42, 'a string', true]) probes.push(json(`non-object ${JSON.stringify(v)?.slice(0, 30)}`, v, declared));
  probes.push({ label: 'huge body', payload: JSON.stringify({ ...base, [names[0] ?? 'x']: 'a'.repeat(BODY_LIMIT_BYTES + 10) }), mustFail: true });
  probes.push({ label: 'text/plain', payload: JSON.stringify(base), contentType: 'text/plain', mustFail: declared });
  probes.push({ label: 'form-encoded', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded', mustFail: declared });
  probes.push(json('deeply nested', deepNest(rng.pick([200, 2000])), declared));
  if (!declared) return probes;
  probes.push(json('empty object', {}, required.length > 0));
  for (const r of required) {
    const { [r]: _dropped, ...rest } = base;
    probes.push(json(`missing ${r}`, rest, true));
  }
  probes.push(json('extra field', { ...base, [rng.pick(['extra', 'isAdmin', 'role', '__proto__x', 'constructor'])]: 1 }, schema.additionalProperties === false));
  probes.push({ label: '__proto__ pollution', payload: `{"__proto__":{"polluted":true},${JSON.stringify(base).slice(1)}`, mustFail: schema.additionalProperties === false });
  for (const name of names) {
    const p = props[name];
    const type = Array.isArray(p?.type) ? p.type : [p?.type];
    const wrong = WRONG_TYPES.filter((v) => !type.includes(v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) && type.includes('number') ? 'number' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v));
    const typed = p && p.type !== undefined && !p.additionalProperties;
    for (let i = 0; i < 2; i++) probes.push(json(`${name} as wrong type`, { ...base, [name]: rng.pick(wrong) }, typed));
    if (type.includes('string')) {
      probes.push(json(`${name} nested object`, { ...base, [name]: deepNest(3) }, true));
      if (typeof p.maxLength === 'number') probes.push(json(`${name} over maxLength`, { ...base, [name]: 'z'.repeat(p.maxLength + 1) }, true));
      for (let i = 0; i < 2; i++) probes.push(json(`${name} odd unicode`, { ...base, [name]: rng.pick(ODD_STRINGS) + rng.pick(ODD_STRINGS) }, false));
    }
  }
  return probes;
}

function assertWellFormed(where: string, res: { status: number; body: any; raw: string }) {
  assert.ok(res.status < 500, `${where} → ${res.status} ${res.raw.slice(0, 300)}`);
  assert.doesNotMatch(res.raw, /\bat [^\s]+ \(|node_modules|\/work\/|\.ts:\d+/, `${where}: stack trace or path leaked: ${res.raw.slice(0, 300)}`);
  if (res.status >= 400) {
    const e = res.body?.error;
    assert.ok(e && typeof e === 'object', `${where}: no error envelope: ${res.raw.slice(0, 200)}`);
    assert.ok(e.code in ERROR_CATALOG, `${where}: code ${e.code} is not in the catalog`);
    assert.equal(res.status, ERROR_CATALOG[e.code as keyof typeof ERROR_CATALOG].status, `${where}: ${e.code} with status ${res.status}`);
    assert.equal(typeof e.message, 'string');
    assert.ok(e.message.length > 0);
    assert.equal(typeof (e.details ?? {}), 'object');
  }
}

for (const kind of DB_KINDS) {
  describe(`malformed input on ${kind} (seed ${SEED})`, async () => {
    const skip = kind === 'postgres' ? await postgresSkipReason() : null;
    let g: TestGatehouse;
    let doc: any;
    let accountEmail: string;
    let n = 0;
    before(async () => {
      if (skip) return;
      g = await startGatehouse(kind);
      accountEmail = (await g.register(undefined, TEST_PASSWORD, '10.60.0.1')).email;
      await g.services.operators.create({ email: 'fuzz-admin@ops.example.com', name: 'Fuzz', password: 'operator passphrase 42', role: 'admin' });
      doc = (await g.request('GET', '/api/openapi.json')).body;
    });
    after(async () => {
      if (!skip) await g.close();
    });

    async function freshToken(admin: boolean): Promise<string> {
      const ip = `10.61.${Math.floor(n / 200)}.${(n++ % 200) + 1}`;
      const r = admin
        ? await g.request('POST', '/api/v1/admin/sessions', { body: { email: 'fuzz-admin@ops.example.com', password: 'operator passphrase 42' }, ip })
        : await g.request('POST', '/api/v1/sessions', { body: { identifier: accountEmail, password: TEST_PASSWORD }, ip });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.token;
    }

    async function send(method: string, url: string, probe: Probe, token: string | null, headers: Record<string, string> = {}) {
      const h: Record<string, string> = { ...headers };
      if (token) h.authorization = `Bearer ${token}`;
      if (probe.payload !== undefined) h['content-type'] = probe.contentType ?? 'application/json';
      const res = await g.app.inject({ method: method as 'GET', url, headers: h, ...(probe.payload !== undefined ? { payload: probe.payload } : {}) });
      let body: any = null;
      try {
        body = res.body ? JSON.parse(res.body) : null;
      } catch {
        body = null;
      }
      return { status: res.statusCode, body, raw: res.body };
    }

    test('every route answers bad input with a catalogued 4xx, never a 5xx', { skip: skip ?? false, timeout: 60_000 }, async () => {
      const rng = prng(SEED);
      let requests = 0;
      const failures: string[] = [];
      const check = (where: string, res: { status: number; body: any; raw: string }, mustFail: boolean) => {
        requests++;
        try {
          assertWellFormed(where, res);
          if (mustFail) assert.ok(res.status >= 400, `${where}: expected a 4xx, got ${res.status} ${res.raw.slice(0, 200)}`);
        } catch (err) {
          failures.push((err as Error).message.split('\n')[0]!);
        }
      };
      const operations: Array<[string, string, any]> = [];
      for (const [path, ops] of Object.entries<any>(doc.paths)) for (const [method, op] of Object.entries<any>(ops)) operations.push([path, method.toUpperCase(), op]);
      assert.ok(operations.length >= 20, `only ${operations.length} operations in the OpenAPI document`);

      for (const [path, method, op] of operations) {
        const authed = Array.isArray(op.security) && op.security.length > 0;
        const token = authed ? await freshToken(path.startsWith('/api/v1/admin/')) : null;
        const params: any[] = op.parameters ?? [];
        const fill = (junk: (name: string) => string) => path.replace(/\{([^}]+)\}/g, (_m, name: string) => junk(name));
        const url = fill(() => 'AAAAAAAAAAAAAAAAAAAA');
        const headers: Record<string, string> = {};
        for (const p of params.filter((x) => x.in === 'header')) headers[p.name] = rng.pick(['junk', 'x'.repeat(600), '\u00ff\u00fe']);
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const bodyMethod = method !== 'GET' && method !== 'HEAD';

        if (bodyMethod) {
          for (const probe of bodyProbes(rng, bodySchema)) {
            check(`${method} ${path} [${probe.label}]`, await send(method, url, probe, token, headers), probe.mustFail && !!bodySchema);
          }
        }
        for (let i = 0; i < 3 && path.includes('{'); i++) {
          const junkUrl = fill(() => rng.pick(JUNK_PATH));
          const probe: Probe = bodySchema ? { label: 'junk path', payload: JSON.stringify(Object.fromEntries(Object.entries<any>(bodySchema.properties ?? {}).map(([k, v]) => [k, plausible(v)]))), mustFail: false } : { label: 'junk path', mustFail: false };
          check(`${method} ${junkUrl} [junk path]`, await send(method, junkUrl, probe, token, headers), false);
        }
        const queryParams = params.filter((x) => x.in === 'query').map((x) => x.name as string);
        if (method === 'GET') {
          for (let i = 0; i < 4; i++) {
            const names = queryParams.length ? queryParams : ['limit'];
            const qs = [
              `${rng.pick(names)}=${rng.pick(JUNK_QUERY)}`,
              ...(rng.next() < 0.4 ? [`${rng.pick(names)}=1&${rng.pick(names)}=2`] : []),
              ...(rng.next() < 0.3 ? ['unknownParam=1'] : []),
            ].join('&');
            check(`${method} ${url}?${qs.slice(0, 80)} [junk query]`, await send(method, `${url}?${qs}`, { label: 'q', mustFail: false }, token, headers), false);
          }
        }
      }
      assert.ok(requests >= 500, `only ${requests} requests generated`);
      assert.deepEqual(failures, [], `${failures.length} of ${requests} requests misbehaved (MALFORMED_SEED=${SEED}):\n${failures.join('\n')}`);
    });

    test('every JSON body schema refuses unknown fields and bounds its strings', { skip: skip ?? false }, () => {
      const loose: string[] = [];
      const walk = (where: string, schema: any) => {
        if (!schema || typeof schema !== 'object') return;
        if (schema.type === 'object' && schema.properties && schema.additionalProperties !== false) loose.push(`${where}: additionalProperties is not false`);
        if (schema.type === 'string' && schema.maxLength === undefined && !schema.enum && !schema.pattern) loose.push(`${where}: string without maxLength`);
        for (const [k, v] of Object.entries<any>(schema.properties ?? {})) walk(`${where}.${k}`, v);
        if (schema.items) walk(`${where}[]`, schema.items);
      };
      for (const [path, ops] of Object.entries<any>(doc.paths)) {
        for (const [method, op] of Object.entries<any>(ops)) walk(`${method.toUpperCase()} ${path}`, op.requestBody?.content?.['application/json']?.schema);
      }
      assert.deepEqual(loose, []);
    });
  });
}
