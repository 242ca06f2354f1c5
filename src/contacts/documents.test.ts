import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocuments } from './documents.js';
import { DOCUMENT_MAX_BYTES } from './constants.js';

const png = (extra = 16) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(extra, 1)]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), Buffer.alloc(8)]);

test('accepts images whose bytes match their declared type', () => {
  const r = checkDocuments([
    { kind: 'id_front', contentType: 'image/png', data: png().toString('base64') },
    { kind: 'id_back', contentType: 'image/jpeg', data: jpeg.toString('base64') },
    { kind: 'holding_id', contentType: 'image/webp', data: webp.toString('base64') },
  ]);
  assert.equal(r.ok, true);
  if (r.ok) assert.deepEqual(r.documents.map((d) => d.bytes.length), [24, 8, 20]);
});

test('refuses, naming the document and the reason', () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ kind: 'id_front', contentType: 'text/html', data: png().toString('base64') }, /contentType/],
    [{ kind: 'id_front', contentType: 'image/png', data: 'not base64!' }, /base64/],
    [{ kind: 'id_front', contentType: 'image/png', data: jpeg.toString('base64') }, /not a image\/png/],
    [{ kind: 'id_front', contentType: 'image/png', data: png(DOCUMENT_MAX_BYTES).toString('base64') }, /larger than/],
  ];
  for (const [doc, reason] of cases) {
    const r = checkDocuments([doc as never]);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.fields['documents[0]'] ?? '', reason);
  }
  const none = checkDocuments([]);
  assert.equal(none.ok, false);
  const many = checkDocuments(Array.from({ length: 5 }, () => ({ kind: 'other' as const, contentType: 'image/jpeg', data: jpeg.toString('base64') })));
  assert.equal(many.ok, false);
});
