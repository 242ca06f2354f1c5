import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entryHash, GENESIS_HASH, verifyChainSegment, type ChainedFields } from './chain.js';

function chain(count: number, prev = GENESIS_HASH, firstSeq = 1) {
  const out: Array<ChainedFields & { prev_hash: string; hash: string }> = [];
  for (let i = 0; i < count; i++) {
    const fields: ChainedFields = {
      seq: firstSeq + i, id: `id${i}`, at: 1_780_000_000_000 + i, account_id: i % 2 ? '100000000001' : null, actor_type: 'account', actor_id: i % 2 ? '100000000001' : null,
      event: 'signin.failed', result: 'failure', sensitive: i % 3 === 0 ? 1 : 0, ip: '203.0.113.1', user_agent: 'ua', location: null, details: JSON.stringify({ n: i }),
    };
    const hash = entryHash(prev, fields);
    out.push({ ...fields, prev_hash: prev, hash });
    prev = hash;
  }
  return out;
}

test('an intact chain verifies and reports its tail', () => {
  const entries = chain(5);
  const r = verifyChainSegment(entries, GENESIS_HASH, 1);
  assert.deepEqual(r, { ok: true, lastHash: entries[4]!.hash, lastSeq: 5, count: 5 });
  assert.deepEqual(verifyChainSegment([], GENESIS_HASH, 1), { ok: true, lastHash: GENESIS_HASH, lastSeq: 0, count: 0 });
  // A later segment continues from the previous one's tail.
  const more = chain(3, entries[4]!.hash, 6);
  assert.equal(verifyChainSegment(more, entries[4]!.hash, 6).ok, true);
  assert.equal(verifyChainSegment(more, GENESIS_HASH, 6).ok, false);
});

test('the hash covers every field and the previous hash', () => {
  const [e] = chain(1);
  const base = { ...e! };
  const fields: Array<keyof ChainedFields> = ['seq', 'id', 'at', 'account_id', 'actor_type', 'actor_id', 'event', 'result', 'sensitive', 'ip', 'user_agent', 'location', 'details'];
  for (const f of fields) {
    const changed = { ...base, [f]: typeof base[f] === 'number' ? (base[f] as number) + 1 : `${base[f] ?? ''}x` };
    assert.notEqual(entryHash(GENESIS_HASH, changed), base.hash, f);
  }
  assert.notEqual(entryHash('other', base), base.hash);
  assert.equal(entryHash(GENESIS_HASH, { ...base }), base.hash, 'deterministic, whatever the key order');
  // null and the string "null" must not collide.
  assert.notEqual(entryHash(GENESIS_HASH, { ...base, ip: null }), entryHash(GENESIS_HASH, { ...base, ip: 'null' }));
});

test('an edited entry breaks at its seq', () => {
  const entries = chain(6);
  entries[3] = { ...entries[3]!, details: '{"n":999}' };
  assert.deepEqual(verifyChainSegment(entries, GENESIS_HASH, 1), { ok: false, break: { seq: 4, reason: 'hash_mismatch' }, count: 3 });
});

test('an edit that also rewrites its own hash is caught by the next entry', () => {
  const entries = chain(6);
  const forged = { ...entries[2]!, result: 'success' };
  entries[2] = { ...forged, hash: entryHash(forged.prev_hash, forged) };
  assert.deepEqual(verifyChainSegment(entries, GENESIS_HASH, 1), { ok: false, break: { seq: 4, reason: 'prev_hash_mismatch' }, count: 3 });
});

test('deleted and reordered entries show as sequence gaps', () => {
  const entries = chain(6);
  const deleted = [...entries.slice(0, 2), ...entries.slice(3)];
  assert.deepEqual(verifyChainSegment(deleted, GENESIS_HASH, 1), { ok: false, break: { seq: 4, reason: 'sequence_gap' }, count: 2 });
  const swapped = [entries[0]!, entries[2]!, entries[1]!, ...entries.slice(3)];
  assert.equal(verifyChainSegment(swapped, GENESIS_HASH, 1).ok, false);
  const headless = entries.slice(1);
  assert.deepEqual(verifyChainSegment(headless, GENESIS_HASH, 1), { ok: false, break: { seq: 2, reason: 'sequence_gap' }, count: 0 });
});
