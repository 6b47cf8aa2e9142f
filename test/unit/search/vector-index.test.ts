/** The vector index answers exactly while it is small, whatever order it was built in, and after a reload. */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { dot, EXACT_UP_TO, VectorIndex } from '../../../src/search/vector-index.ts';
import { normalise } from '../../../src/search/vectors.ts';
import { Rng } from '../../../src/world/rng.ts';

const DIMS = 64;
const rng = Rng.of('vector-index-test');
const vector = () => normalise(Float32Array.from({ length: DIMS }, () => rng.range(-1, 1)));
const keys = Array.from({ length: 1500 }, (_, i) => i + 1);
const vectors = keys.map(vector);
const queries = Array.from({ length: 25 }, vector);

const exactTop = (q: Float32Array, k: number) =>
  keys
    .map((key, i) => ({ key, s: dot(q, vectors[i] as Float32Array) }))
    .sort((a, b) => b.s - a.s || a.key - b.key)
    .slice(0, k)
    .map((x) => x.key);

test('built in one batch or in reversed small batches, it gives the exact top 10', () => {
  assert.ok(keys.length <= EXACT_UP_TO);
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-vi-'));
  const one = VectorIndex.open(join(dir, 'one.usearch'), 'test');
  one.add(keys, vectors);
  const many = VectorIndex.open(join(dir, 'many.usearch'), 'test');
  for (let end = keys.length; end > 0; end -= 100) {
    many.add(keys.slice(Math.max(0, end - 100), end), vectors.slice(Math.max(0, end - 100), end));
  }
  for (const q of queries) {
    const expected = exactTop(q, 10);
    assert.deepEqual(
      one.search(q, 10).map((n) => n.key),
      expected,
    );
    assert.deepEqual(
      many.search(q, 10).map((n) => n.key),
      expected,
    );
  }

  // Saved and opened again, it asks for every vector back (needsFrom 0) and stays exact.
  one.save();
  const reopened = VectorIndex.open(join(dir, 'one.usearch'), 'test');
  assert.equal(reopened.size, keys.length);
  assert.equal(reopened.needsFrom, 0);
  reopened.add(keys, vectors);
  assert.equal(reopened.size, keys.length, 'a key was added twice');
  for (const q of queries)
    assert.deepEqual(
      reopened.search(q, 10).map((n) => n.key),
      exactTop(q, 10),
    );
});
