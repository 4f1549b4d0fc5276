"""The `hoidap` command: re-index, ask, chat, evaluate, manage documents, quiz, run the bot.

Every subcommand reads the one Settings object; flags override it for a single run.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from hoidap.index.text import vietnamese_sort_key
from hoidap.index.types import HEDGE, Answer, IndexUnavailable, RetrievalMode
from hoidap.settings import Settings, SettingsError

if TYPE_CHECKING:  # the engine (FAISS, BM25, the model) is imported by the commands that use it
    from hoidap.index.builder import BuildReport
    from hoidap.index.evaluate import Figures

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NO_INDEX = 0, 1, 2, 3


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings.from_env()
    index, corpus, k = getattr(args, "index", None), getattr(args, "corpus", None), getattr(args, "k", None)
    return replace(
        settings,
        index_dir=Path(index) if index else settings.index_dir,
        corpus_dir=Path(corpus) if corpus else settings.corpus_dir,
        top_k=k or settings.top_k,
    )


def _print_answer(answer: Answer) -> None:
    """What the pipeline chose to show: the quote (under a hedge when it is only the nearest
    passage) and the alternatives it offers; when nothing answers, nearby sections to try."""
    if not answer.answered:
        print(answer.answer)
        if answer.suggestions:
            print("\nCó thể bạn muốn xem các mục:")
            for s in answer.suggestions:
                print(f"  • {s.text} — {s.title}")
        return
    if answer.hedged:
        print(HEDGE)
    for n, p in enumerate(answer.passages, 1):
        if n == 2:
            print("\nĐoạn liên quan khác:")
        where = " — ".join(x for x in (p.title, p.number, p.date, p.section) if x)
        print(f"\n[{n}] {where}  (điểm {p.score:.2f})")
        print(p.text)


# ---- subcommands ---------------------------------------------------------------------------
def cmd_reindex(args: argparse.Namespace) -> int:
    from hoidap.index.store import current_version, previous_version, publish

    settings = _settings(args)
    if args.rollback:
        prev = previous_version(settings.index_dir)
        if not prev:
            print(f"không có phiên bản trước để quay lại trong {settings.index_dir}", file=sys.stderr)
            return EXIT_FAILED
        current = current_version(settings.index_dir)
        publish(settings.index_dir, prev)
        print(f"đã quay lại phiên bản {prev} (trước đó: {current})")
        return EXIT_OK
    return reindex(settings, full=args.full, as_json=args.json)


def reindex(settings: Settings, *, full: bool = False, as_json: bool = False) -> int:
    """Build or update the index and print the summary; the exit status says whether a file failed."""
    from hoidap.app import builder_for
    from hoidap.index.lock import LockBusy

    try:
        report = builder_for(settings).build(settings.corpus_dir, settings.index_dir, full=full)
    except (LockBusy, FileNotFoundError) as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        indexed = len(report.added) + len(report.updated) + len(report.unchanged)
        print(
            f"Đã lập chỉ mục {report.passages} đoạn từ {indexed}"
            f" tài liệu trong {report.seconds:.1f}s: thêm {len(report.added)}, cập nhật {len(report.updated)},"
            f" giữ nguyên {len(report.unchanged)}, gỡ {len(report.removed)}, lỗi {len(report.failed)}"
            f" (nhúng {report.embedded} đoạn; phiên bản {report.version})."
        )
        for dup in report.duplicates:
            print(f"  trùng lặp: {dup['file']} giống hệt {dup['same_as']} (chỉ lập chỉ mục một lần)")
        _print_failures(report)
    return EXIT_FAILED if report.failed else EXIT_OK


def _print_failures(report: BuildReport) -> None:
    for fail in report.failed:
        print(f"  LỖI {fail['file']}: {fail['reason']}", file=sys.stderr)


def cmd_ask(args: argparse.Namespace) -> int:
    from hoidap.app import open_pipeline

    settings = _settings(args)
    pipeline = open_pipeline(settings)
    if args.batch:
        source = sys.stdin if args.batch == "-" else open(args.batch, encoding="utf-8")  # noqa: SIM115
        with source:
            for line in source:
                if line.strip():
                    answer = pipeline.answer(line.strip(), k=settings.top_k)
                    print(json.dumps(answer.to_dict(), ensure_ascii=False), flush=True)
        return EXIT_OK
    question = " ".join(args.question).strip()
    if not question:
        print("hãy nhập câu hỏi, ví dụ: hoidap ask \"khâu đột phá là gì?\"", file=sys.stderr)
        return EXIT_USAGE
    answer = pipeline.answer(question, k=settings.top_k)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False))
    else:
        _print_answer(answer)
    return EXIT_OK


def cmd_chat(args: argparse.Namespace) -> int:
    from hoidap.app import open_pipeline

    settings = _settings(args)
    pipeline = open_pipeline(settings)
    print(f"hoidap — hỏi về {len(pipeline.documents())} tài liệu. Gõ câu hỏi rồi Enter; Ctrl-D để thoát.")
    while True:
        try:
            question = input("\n❓ ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return EXIT_OK
        if question:
            _print_answer(pipeline.answer(question, k=settings.top_k))


def _print_figures(label: str, f: Figures, width: int = 22) -> None:
    refused_a = "-" if f.refused_answerable is None else f"{f.refused_answerable:.3f}"
    refused_u = "-" if f.refused_unanswerable is None else f"{f.refused_unanswerable:.3f}"
    ta, tu = f.tiers_answerable, f.tiers_unanswerable
    print(f"{label:{width}} {f.questions:4d} {f.recall[1]:6.3f} {f.recall[3]:6.3f} {f.recall[5]:6.3f} {f.mrr:6.3f}"
          f"  {ta['high']:3d}/{ta['medium']:3d}/{ta['none']:3d} {refused_a:>6}"
          f"  {tu['high']:3d}/{tu['medium']:3d}/{tu['none']:3d} {refused_u:>6}")


def cmd_eval(args: argparse.Namespace) -> int:
    from hoidap.app import open_pipeline
    from hoidap.index.evaluate import evaluate, read_qa

    settings = _settings(args)
    pipeline = open_pipeline(settings)
    overrides = args.set or []
    if overrides:
        try:
            pipeline = pipeline.with_ranking(pipeline.ranking.with_overrides(overrides))
        except ValueError as exc:
            raise SettingsError(f"--set {exc}") from None
    rows = read_qa(Path(args.qa))
    modes: list[RetrievalMode] = ["hybrid", "dense", "lexical"] if args.baselines else ["hybrid"]
    results = [evaluate(pipeline, rows, k=args.k or 5, mode=m, by_stem=args.by_stem) for m in modes]
    if args.json:
        out: dict[str, object] = {"qa": args.qa, "index_version": pipeline.version,
                                  "ranking": pipeline.ranking.__dict__, "calibration": pipeline.calibration.to_dict(),
                                  "results": [r.to_dict() for r in results]}
        if args.misses:
            out["misses"] = [o.to_dict() for o in results[0].misses]
        print(json.dumps(out, ensure_ascii=False))
        return EXIT_OK
    first = results[0].figures
    high, medium = pipeline.thresholds()
    print(f"{args.qa}: {first.questions} câu hỏi ({first.answerable} có đáp án); ranking overrides: {overrides or '-'}")
    print(f"calibration: {pipeline.calibration.source} (high ≥ {high:.2f}, medium ≥ {medium:.2f})")
    header = (f"{'':22} {'n':>4} {'R@1':>6} {'R@3':>6} {'R@5':>6} {'MRR':>6}  answerable h/m/none refused"
              "  unanswerable h/m/none refused")
    print(header)
    for r in results:
        _print_figures(f"{r.mode} (p50 {r.latency_p50_ms:.0f} ms)", r.figures)
    if args.by_kind:
        print("by kind (hybrid):")
        for kind, figures in sorted(results[0].by_kind.items()):
            _print_figures("  " + kind, figures)
    if args.misses:
        for miss in results[0].misses:
            print("  miss:", json.dumps(miss.to_dict(), ensure_ascii=False))
    return EXIT_OK


def cmd_calibrate(args: argparse.Namespace) -> int:
    """Fit the abstention model on QA files (answerable and unanswerable questions) and store it
    with each index it was measured on, as calibration.json next to the manifest."""
    from dataclasses import replace as replace_settings

    from hoidap.app import open_pipeline
    from hoidap.index.calibration import Example, fit, write_calibration
    from hoidap.index.evaluate import evaluate, read_qa

    settings = _settings(args)
    pairs = [(settings.index_dir, Path(qa)) for qa in args.qa or []]
    for pair in args.pair or []:
        index, sep, qa = pair.partition(":")
        if not sep:
            raise SettingsError(f"--pair {pair!r}: expected INDEX_DIR:QA.jsonl")
        pairs.append((Path(index), Path(qa)))
    if not pairs:
        raise SettingsError("give at least one --qa QA.jsonl (over --index) or --pair INDEX_DIR:QA.jsonl")
    examples: list[Example] = []
    pipelines = {}
    for index_dir, qa in pairs:
        if index_dir not in pipelines:
            pipelines[index_dir] = open_pipeline(replace_settings(settings, index_dir=index_dir))
        examples += evaluate(pipelines[index_dir], read_qa(qa)).examples
    embedders = {p.embedder.id for p in pipelines.values()}
    if len(embedders) != 1:
        raise SettingsError(f"the indexes were built with different embedders ({', '.join(sorted(embedders))})")
    report = fit(examples, embedder=embedders.pop(), folds=args.folds, seed=args.seed,
                 max_refused_answerable=args.max_refused)
    written = []
    if not args.dry_run:
        for pipeline in pipelines.values():
            folder = pipeline.snapshot_folder
            if folder is not None:
                written.append(str(write_calibration(folder, report.calibration)))
    if args.json:
        print(json.dumps({**report.to_dict(), "written": written}, ensure_ascii=False))
        return EXIT_OK
    c, oof = report.calibration, report.oof
    print(f"{report.examples} questions ({report.answerable} answerable), {report.folds}-fold cross-validation")
    print(f"weights (dense, coverage, names, answer) = ({c.weights[0]:.2f}, {c.weights[1]:.2f}, {c.weights[2]:.2f}, "
          f"{c.weights[3]:.2f}), "
          f"bias {c.bias:.2f}; thresholds high ≥ {c.high:.2f}, medium ≥ {c.medium:.2f}")
    print(f"out of fold: answerable refused {oof['refused_answerable']:.3f}, unanswerable refused "
          f"{oof['refused_unanswerable']:.3f}, answered high {oof['high_answerable']:.3f} of answerable "
          f"(first passage right in {oof['high_precision']:.3f} of high answers)")
    for path in written:
        print(f"written: {path}")
    return EXIT_OK


def cmd_docs(args: argparse.Namespace) -> int:
    """list / show read the published catalog only (no vectors, no model): they start at once."""
    from hoidap.index.store import read_catalog

    if args.docs_command == "remove":
        return cmd_docs_remove(args)
    _version, documents, passages = read_catalog(_settings(args).index_dir)
    if args.docs_command == "list":
        docs = sorted(documents, key=lambda d: (d.date or "", vietnamese_sort_key(d.title)))
        if args.json:
            print(json.dumps([d.to_dict() for d in docs], ensure_ascii=False))
            return EXIT_OK
        print(f"{'id':45} {'số hiệu':12} {'ngày':10} {'đoạn':>5}  {'lập chỉ mục lúc':19}  tiêu đề")
        for d in docs:
            indexed = (d.indexed_at or "").replace("T", " ")
            print(f"{d.doc_id:45.45} {d.number or '':12.12} {d.date or '':10} {d.passages:5d}  "
                  f"{indexed:19.19}  {d.title[:70]}")
        return EXIT_OK
    doc = next((d for d in documents if d.doc_id == args.id), None)
    if doc is None:
        print(f"không có tài liệu {args.id!r} trong chỉ mục; xem `hoidap docs list`", file=sys.stderr)
        return EXIT_FAILED
    outline = [p for p in passages if p.doc_id == args.id and p.kind in ("heading", "lead")]
    if args.json:
        print(json.dumps({**doc.to_dict(), "outline": [
            {"id": p.id, "depth": len(p.section), "text": p.text} for p in outline]}, ensure_ascii=False))
        return EXIT_OK
    print(f"{doc.title}\n{doc.number or ''} {doc.date or ''} — {doc.passages} đoạn\n")
    for p in outline:
        print("  " * len(p.section) + p.text[:100])
    return EXIT_OK


def _removed_target(corpus_dir: Path, relative: Path) -> Path:
    """Where a removed file goes: `<corpus>/.removed/<same relative path>`, never over another file."""
    target = corpus_dir / ".removed" / relative
    if not target.exists():
        return target
    stamp = time.strftime("%Y%m%dT%H%M%S")
    for n in range(1000):
        suffix = f"-{stamp}" + (f"-{n}" if n else "")
        candidate = target.with_name(f"{target.stem}{suffix}{target.suffix}")
        if not candidate.exists():
            return candidate
    raise FileExistsError(f"too many removed copies of {relative} in {target.parent}")


def cmd_docs_remove(args: argparse.Namespace) -> int:
    """Move a document out of the corpus (into `<corpus>/.removed/`, nothing is deleted), then re-index."""
    import shutil
    import unicodedata

    from hoidap.app import builder_for
    from hoidap.index.loaders import SIDECAR_SUFFIX, doc_id_for, iter_corpus_files
    from hoidap.index.lock import LockBusy
    from hoidap.index.types import DocumentError

    settings = _settings(args)
    corpus = settings.corpus_dir
    wanted = unicodedata.normalize("NFC", args.id)
    try:
        files = iter_corpus_files(corpus)
    except DocumentError as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return EXIT_FAILED
    # Match against the ids the loader gives (relative POSIX path, NFC), so `../x` never matches.
    match = [p for p in files if doc_id_for(p, corpus) == wanted]
    if not match:
        print(f"không có tài liệu {args.id!r} trong thư mục tài liệu {corpus}; xem `hoidap docs list`",
              file=sys.stderr)
        return EXIT_FAILED
    source = match[0]
    relative = source.relative_to(corpus)
    target = _removed_target(corpus, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(source), str(target))
    sidecar = source.with_name(source.name + SIDECAR_SUFFIX)
    if sidecar.is_file():
        shutil.move(str(sidecar), str(target.with_name(target.name + SIDECAR_SUFFIX)))
    moved = {"removed": wanted, "moved_to": str(target)}
    try:
        report = builder_for(settings).build(corpus, settings.index_dir)
    except (LockBusy, FileNotFoundError) as exc:
        print(f"đã chuyển {wanted} sang {target}, nhưng chưa lập lại chỉ mục: {exc}; "
              "chạy `hoidap reindex` sau", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        print(json.dumps({**moved, "reindex": report.to_dict()}, ensure_ascii=False))
    else:
        print(f"Đã gỡ {wanted}: tệp được chuyển sang {target}.")
        print(f"Chỉ mục mới (phiên bản {report.version}): {report.passages} đoạn, gỡ {len(report.removed)}"
              f" tài liệu ({', '.join(report.removed) or 'không có'}), thêm {len(report.added)},"
              f" cập nhật {len(report.updated)}, lỗi {len(report.failed)}.")
        _print_failures(report)
    return EXIT_FAILED if report.failed else EXIT_OK


def cmd_quiz(args: argparse.Namespace) -> int:
    """Multiple-choice questions from the published index's own text (catalog only: no model)."""
    from hoidap.index.quiz import QuizGenerator, format_sheet

    if args.n < 1:
        print(f"số câu hỏi phải là số nguyên dương, không phải {args.n}", file=sys.stderr)
        return EXIT_USAGE
    quiz = QuizGenerator.from_index(_settings(args).index_dir)
    try:
        questions = quiz.generate(args.n, seed=args.seed, doc=args.doc)
    except ValueError as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if not questions:
        where = f"tài liệu {args.doc!r}" if args.doc else "chỉ mục"
        print(f"không tạo được câu hỏi nào từ {where}: cần danh sách đánh số, số liệu hoặc cụm từ trích dẫn",
              file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        for q in questions:
            print(json.dumps(q.to_dict(), ensure_ascii=False))
    else:
        print(format_sheet(questions))
    return EXIT_OK


def cmd_bot(args: argparse.Namespace) -> int:
    from hoidap.app import open_pipeline
    from hoidap.bot.app import StartupError, check_webhook, run_bot

    settings = _settings(args)
    if not settings.telegram_bot_token:
        print("thiếu TELEGRAM_BOT_TOKEN (đặt trong môi trường hoặc .env)", file=sys.stderr)
        return EXIT_USAGE
    try:
        check_webhook(settings)  # before loading the index: a refused configuration fails fast
        run_bot(settings, open_pipeline(settings))
    except StartupError as e:
        print(f"hoidap bot: {e}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """The trainer report from the bot's log (HOIDAP_DB): text on stdout, optionally CSV and PNG."""
    from datetime import date

    from hoidap.bot.report import build_report, report_text, write_csv
    from hoidap.bot.store import Store

    settings = Settings.from_env()
    db = Path(args.db) if args.db else settings.db_path
    if not db.is_file():
        print(f"không có nhật ký hỏi đáp tại {db} (HOIDAP_DB): bot chưa chạy ở đây, hoặc dùng --db", file=sys.stderr)
        return EXIT_USAGE
    try:
        since = date.fromisoformat(args.since) if args.since else None
    except ValueError:
        print(f"--since {args.since!r}: cần ngày dạng YYYY-MM-DD, ví dụ 2026-11-01", file=sys.stderr)
        return EXIT_USAGE
    store = Store(db, retention_days=0)  # reading never purges
    try:
        report = build_report(store, since)
    finally:
        store.close()
    sys.stdout.write(report_text(report))
    if args.csv:
        write_csv(report, Path(args.csv))
        print(f"\nĐã ghi bảng số liệu: {args.csv}")
    if args.png:
        from hoidap.bot.chart import render_chart

        render_chart(report, Path(args.png))
        print(f"Đã vẽ biểu đồ: {args.png}")
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    """`make run`: build the index if none is published, then the bot (token set) or a chat."""
    from hoidap.index.store import current_version

    settings = _settings(args)
    if current_version(settings.index_dir) is None:
        print(f"chưa có chỉ mục tại {settings.index_dir}: đang lập chỉ mục từ {settings.corpus_dir} …")
        code = reindex(settings)
        if code not in (EXIT_OK, EXIT_FAILED):
            return code
    return cmd_bot(args) if settings.telegram_bot_token else cmd_chat(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hoidap",
        description="Hỏi đáp văn kiện: answers questions about Vietnamese resolution documents by quoting them.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_index(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--index", help="index folder (default: HOIDAP_INDEX_DIR or var/index)")
        return p

    p = with_index(sub.add_parser("reindex", help="build or update the index from the corpus folder"))
    p.add_argument("--corpus", help="corpus folder (default: HOIDAP_CORPUS_DIR or corpus)")
    p.add_argument("--full", action="store_true", help="re-embed every document, not only changed ones")
    p.add_argument("--rollback", action="store_true", help="publish the previous index version again")
    p.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    p.set_defaults(func=cmd_reindex)

    p = with_index(sub.add_parser("ask", help="answer one question (or a file of them with --batch)"))
    p.add_argument("-k", type=int, help="how many passages to return (default: HOIDAP_TOP_K or 3)")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.add_argument("--batch", metavar="FILE", help="one question per line ('-' = stdin); JSON lines out")
    p.add_argument("question", nargs="*", help="the question, e.g. \"khâu đột phá là gì?\"")
    p.set_defaults(func=cmd_ask)

    p = with_index(sub.add_parser("chat", help="interactive question and answer in the terminal"))
    p.add_argument("-k", type=int, help="how many passages to show")
    p.set_defaults(func=cmd_chat)

    p = with_index(sub.add_parser("eval", help="measure recall@k, MRR, abstention and latency on a QA file"))
    p.add_argument("--qa", required=True, help="JSONL with question, doc, gold_quote|gold_text, answerable")
    p.add_argument("-k", type=int, default=5, help="passages retrieved per question (default 5)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--baselines", action="store_true", help="also run dense-only and BM25-only")
    p.add_argument("--misses", action="store_true",
                   help="list answerable questions whose first unit missed and unanswerable ones that were quoted")
    p.add_argument("--by-kind", action="store_true", help="figures per question type (the QA rows' 'type')")
    p.add_argument("--by-stem", action="store_true",
                   help="match gold documents by file name without extension (evaluate a .pdf/.docx rendering "
                        "of a corpus with the .txt corpus's questions)")
    p.add_argument("--set", action="append", metavar="NAME=VALUE",
                   help="override one ranking knob for this run, e.g. --set dense_share=0.6 (repeatable)")
    p.set_defaults(func=cmd_eval)

    p = with_index(sub.add_parser(
        "calibrate", help="fit the abstention model (cross-validated) and store it with the index"))
    p.add_argument("--qa", action="append", metavar="QA.jsonl", help="questions over --index (repeatable)")
    p.add_argument("--pair", action="append", metavar="INDEX_DIR:QA.jsonl",
                   help="questions over another index built with the same model (repeatable)")
    p.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    p.add_argument("--seed", type=int, default=0, help="fold assignment seed (default 0)")
    p.add_argument("--max-refused", type=float, default=0.03,
                   help="largest share of answerable questions the medium threshold may refuse (default 0.03)")
    p.add_argument("--dry-run", action="store_true", help="report the fit, write nothing")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_calibrate)

    p = sub.add_parser("docs", help="list, inspect or remove indexed documents")
    docs_sub = p.add_subparsers(dest="docs_command", required=True)
    q = with_index(docs_sub.add_parser("list", help="table of indexed documents"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_docs)
    q = with_index(docs_sub.add_parser("show", help="a document's details and outline"))
    q.add_argument("id", help="document id as shown by `hoidap docs list` (its file name)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_docs)
    q = with_index(docs_sub.add_parser(
        "remove", help="move a document's file to <corpus>/.removed/ and re-index without it"))
    q.add_argument("id", help="document id as shown by `hoidap docs list` (its path in the corpus folder)")
    q.add_argument("--corpus", help="corpus folder (default: HOIDAP_CORPUS_DIR or corpus)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_docs)

    p = with_index(sub.add_parser(
        "quiz", help="multiple-choice questions from the documents' own text, for study sessions",
        description="Questions on enumerations (which item, how many, which is NOT in the list), on numbers "
                    "and years, and fill-in-the-blank key phrases; the correct option is always quoted from "
                    "the documents. The same seed gives the same questions for the same index."))
    p.add_argument("-n", type=int, default=10, help="how many questions (default 10; fewer when the text gives fewer)")
    p.add_argument("--doc", metavar="ID", help="only this document (its id as shown by `hoidap docs list`)")
    p.add_argument("--seed", type=int, default=0, help="another seed gives other questions (default 0)")
    p.add_argument("--json", action="store_true",
                   help="one JSON object per line: question, options, correct, doc, section, source, explanation, kind")
    p.set_defaults(func=cmd_quiz)

    p = with_index(sub.add_parser("bot", help="run the Telegram bot (needs TELEGRAM_BOT_TOKEN)"))
    p.set_defaults(func=cmd_bot)

    p = sub.add_parser("report", help="trainer report from the bot's log: questions per day, topics, unanswered "
                                      "questions, 👍/👎, quiz results (text; CSV and PNG chart on request)")
    p.add_argument("--since", metavar="DATE", help="from this day on (YYYY-MM-DD); default: everything logged")
    p.add_argument("--csv", metavar="FILE", help="also write the figures as one CSV table (UTF-8)")
    p.add_argument("--png", metavar="FILE", help="also draw the chart as a PNG")
    p.add_argument("--db", metavar="FILE", help="the bot's SQLite log (default: HOIDAP_DB or var/hoidap.sqlite3)")
    p.set_defaults(func=cmd_report)

    p = with_index(sub.add_parser("run", help="index if needed, then the bot (token set) or a terminal chat"))
    p.add_argument("--corpus", help="corpus folder used when the index must be built")
    p.add_argument("-k", type=int, help="how many passages to show")
    p.set_defaults(func=cmd_run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except IndexUnavailable as exc:
        print(f"lỗi chỉ mục: {exc}", file=sys.stderr)
        return EXIT_NO_INDEX
    except SettingsError as exc:
        print(f"lỗi cấu hình: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
