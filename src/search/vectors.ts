/** Small vector arithmetic the search needs; everything else is in usearch. */

/** Scales a vector to unit length in place: cosine similarity becomes a dot product. */
export function normalise(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += (v[i] as number) ** 2;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / norm;
  return v;
}

/** A vector as SQLite keeps it: its float32 bytes. */
export function toBlob(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

export function fromBlob(blob: Buffer): Float32Array {
  // A copy: the blob's memory may be a view into a larger pool (and usearch ignores view offsets).
  const copy = new Float32Array(blob.byteLength / 4);
  new Uint8Array(copy.buffer).set(blob);
  return copy;
}
