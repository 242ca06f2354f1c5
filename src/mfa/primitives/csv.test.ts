import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from './csv.js';

test('splits records, handles BOM, CRLF, quotes with commas, escaped quotes and newlines', () => {
  const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""", z \r\n\r\n"multi\nline",2,3\n';
  assert.deepEqual(parseCsv(text), [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 2, fields: ['x, y', 'say "hi"', ' z '] },
    { line: 4, fields: ['multi\nline', '2', '3'] },
  ]);
});

test('keeps empty fields and tolerates blanks around quoted fields', () => {
  assert.deepEqual(parseCsv('a,,c\n "q" ,"",\n'), [
    { line: 1, fields: ['a', '', 'c'] },
    { line: 2, fields: ['q', '', ''] },
  ]);
});

test('reports malformed records without stopping', () => {
  const records = parseCsv('a,b\nx"y,1\n"a"b,2\nok,3\n"open,4\nmore');
  assert.deepEqual(records, [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, error: 'unexpected quote inside a field (quote the whole field and double inner quotes)' },
    { line: 3, error: 'unexpected text after a closing quote' },
    { line: 4, fields: ['ok', '3'] },
    { line: 5, error: 'unterminated quoted field (the rest of the file was read into it)' },
  ]);
});

test('last line without newline and whitespace-only lines', () => {
  assert.deepEqual(parseCsv('a\n   \nb'), [
    { line: 1, fields: ['a'] },
    { line: 3, fields: ['b'] },
  ]);
  assert.deepEqual(parseCsv(''), []);
});
