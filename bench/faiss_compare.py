"""FAISS on the same vectors as the search benchmark: exact (IndexFlatIP) and HNSW (IndexHNSWFlat).

Run by bench/search.bench.ts with Debian's python3 (apt-get install python3-faiss libopenblas0-pthread).
Reads base.f32 and queries.f32 (float32, row-major, unit-length rows) from the directory given,
prints one JSON object: build time, per-query latency and recall@10 against the exact index
(HNSW searched with efSearch 64, 128 and 256 on the same graph).
"""

import json
import sys
import time

import faiss
import numpy as np


def latency(index, queries, k):
    times = []
    found = np.empty((len(queries), k), dtype=np.int64)
    for i, q in enumerate(queries):
        t = time.perf_counter()
        _, ids = index.search(q[None, :], k)
        times.append((time.perf_counter() - t) * 1000)
        found[i] = ids[0]
    times.sort()
    return found, times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.99))]


def main():
    folder, dims, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    faiss.omp_set_num_threads(2)
    base = np.fromfile(f"{folder}/base.f32", dtype=np.float32).reshape(-1, dims)
    queries = np.fromfile(f"{folder}/queries.f32", dtype=np.float32).reshape(-1, dims)
    out = {"faiss_version": faiss.__version__, "vectors": len(base), "queries": len(queries)}

    t = time.perf_counter()
    flat = faiss.IndexFlatIP(dims)
    flat.add(base)
    out["flat_build_s"] = time.perf_counter() - t
    # Ground truth in one batched call, latency one query at a time (as a server answers them).
    _, truth = flat.search(queries, k)
    _, out["flat_p50_ms"], out["flat_p99_ms"] = latency(flat, queries, k)

    t = time.perf_counter()
    hnsw = faiss.IndexHNSWFlat(dims, 16, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = 128
    hnsw.add(base)
    out["hnsw_build_s"] = time.perf_counter() - t
    out["hnsw"] = []
    for ef in (64, 128, 256):
        hnsw.hnsw.efSearch = ef
        found, p50, p99 = latency(hnsw, queries, k)
        recall = float(np.mean([len(set(found[i]) & set(truth[i])) / k for i in range(len(queries))]))
        out["hnsw"].append({"ef_search": ef, "p50_ms": p50, "p99_ms": p99, "recall_at_10": recall})
    np.asarray(truth, dtype=np.int64).tofile(f"{folder}/truth.i64")
    print(json.dumps(out))


main()
