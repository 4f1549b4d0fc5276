"""The `hoidap` command: re-index, ask, chat, evaluate, manage documents, quiz, run the bot.

Every subcommand reads the one Settings object; flags override it for a single run.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from hoidap.index.text import vietnamese_sort_key, without_marks
from hoidap.index.types import HEDGE, Answer, IndexUnavailable, RetrievalMode
from hoidap.settings import Settings, SettingsError

if TYPE_CHECKING:  # the engine (FAISS, BM25, the model) is imported by the commands that use it
    from hoidap.index.builder import BuildReport
    from hoidap.index.evaluate import Figures
    from hoidap.index.pipeline import AnswerPipeline

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NO_INDEX, EXIT_STORAGE = 0, 1, 2, 3, 4
EXIT_CODES = """exit status: 0 done; 1 some files or questions failed, or another re-index is running;
2 usage or settings error; 3 no usable index (the message says what to run);
4 cannot write: disk full, read-only or no permission (nothing was changed)"""
# What to do about each storage problem (hoidap.index.storage), after "fix it, then run again".
_STORAGE_ADVICE = {"full": "giải phóng chỗ trống trên ổ đĩa", "read-only": "cho phép ghi vào thư mục đó (hoặc đặt "
                   "HOIDAP_INDEX_DIR ở nơi ghi được)", "permission": "cấp quyền ghi vào thư mục đó",
                   "other": "kiểm tra ổ đĩa"}


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
        return _fail(f"lỗi: {exc}", EXIT_FAILED, as_json)
    except Exception as exc:
        problem = _storage_problem(exc, settings)
        if problem is None:
            raise
        return _fail(f"lỗi: {problem.describe()}. Chỉ mục đang dùng không thay đổi; {_STORAGE_ADVICE[problem.kind]}"
                     " rồi chạy lại `hoidap reindex`.", EXIT_STORAGE, as_json)
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        indexed = len(report.added) + len(report.updated) + len(report.unchanged) + len(report.kept)
        print(
            f"Đã lập chỉ mục {report.passages} đoạn từ {indexed}"
            f" tài liệu trong {report.seconds:.1f}s: thêm {len(report.added)}, cập nhật {len(report.updated)},"
            f" giữ nguyên {len(report.unchanged)}, gỡ {len(report.removed)}, lỗi {len(report.failed)}"
            f" (giữ bản cũ {len(report.kept)}; nhúng {report.embedded} đoạn; phiên bản {report.version})."
        )
        for dup in report.duplicates:
            print(f"  trùng lặp: {_cell(dup['file'])} giống hệt {_cell(dup['same_as'])} (chỉ lập chỉ mục một lần)")
        _print_failures(report)
    return EXIT_FAILED if report.failed else EXIT_OK


def _fail(message: str, code: int, as_json: bool = False) -> int:
    """One clear line on stderr (and, for --json, the same as {"error": ...} on stdout); the exit status."""
    print(message, file=sys.stderr)
    if as_json:
        print(json.dumps({"error": message}, ensure_ascii=False))
    return code


def _storage_problem(exc: BaseException, settings: Settings):  # -> StorageProblem | None
    """The disk-full / read-only / permission problem behind `exc`, if that is what it is."""
    from hoidap.index.storage import StorageError, storage_problem

    if isinstance(exc, StorageError):
        return exc.problem
    folders = [settings.index_dir, settings.corpus_dir]
    if settings.embed_cache:
        folders.insert(1, Path(settings.embed_cache).parent)
    return storage_problem(exc, folders)


def _cell(text: str) -> str:
    r"""Text safe for one line of a table or message: control, line-breaking and bidi-format
    characters (a file name may hold a newline or U+202E) shown as escapes.

    >>> _cell("a\nb\u202e.txt")
    'a\\nb\\u202e.txt'
    """
    import unicodedata

    out = []
    for c in text:
        if c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs"):
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return "".join(out)


def _print_failures(report: BuildReport) -> None:
    for fail in report.failed:
        kept = f" — {fail['note']}" if fail.get("kept") else ""
        print(f"  LỖI {_cell(str(fail['file']))}: {_cell(str(fail['reason']))}{kept}", file=sys.stderr)


def cmd_ask(args: argparse.Namespace) -> int:
    from hoidap.app import open_pipeline
    from hoidap.question_input import question_from_argv

    settings = _settings(args)
    pipeline = open_pipeline(settings)
    if args.batch:
        return _ask_batch(pipeline, args.batch, settings.top_k)
    question, replaced = question_from_argv(args.question)
    if not question:
        print("hãy nhập câu hỏi, ví dụ: hoidap ask \"khâu đột phá là gì?\"", file=sys.stderr)
        return EXIT_USAGE
    if replaced:
        print(f"cảnh báo: câu hỏi có byte không phải UTF-8, đã thay bằng {REPLACEMENT_SHOWN}", file=sys.stderr)
    answer = pipeline.answer(question, k=settings.top_k)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False))
    else:
        _print_answer(answer)
    return EXIT_OK


REPLACEMENT_SHOWN = "\ufffd"


def _ask_batch(pipeline: AnswerPipeline, source: str, k: int) -> int:
    """One JSON line per question line, in order. A line with bytes that are not UTF-8 is answered
    with them replaced (and named on stderr); a line whose answering fails gets {"question", "error"}
    and the others are still answered (exit status 1 then)."""
    from hoidap.question_input import question_lines

    failed = 0
    try:
        stream = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115
    except OSError as exc:
        print(f"không đọc được {source}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    with stream:
        for number, question, replaced in question_lines(stream):
            if replaced:
                print(f"dòng {number}: có byte không phải UTF-8, đã thay bằng {REPLACEMENT_SHOWN}", file=sys.stderr)
            try:
                row = pipeline.answer(question, k=k).to_dict()
            except Exception as exc:  # one bad line must not cost the rest of the batch
                logging.getLogger(__name__).exception("question on line %d failed", number)
                print(f"dòng {number}: lỗi khi trả lời: {type(exc).__name__}: {exc}", file=sys.stderr)
                row, failed = {"question": question, "error": f"{type(exc).__name__}: {exc}"}, failed + 1
            print(json.dumps(row, ensure_ascii=False), flush=True)
    return EXIT_FAILED if failed else EXIT_OK


def cmd_chat(args: argparse.Namespace) -> int:
    from hoidap.app import open_pipeline
    from hoidap.question_input import repaired

    settings = _settings(args)
    pipeline = open_pipeline(settings)
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="surrogateescape")  # bytes that are not UTF-8 must not end the chat
    print(f"hoidap — hỏi về {len(pipeline.documents())} tài liệu. Gõ câu hỏi rồi Enter; Ctrl-D để thoát.")
    while True:
        try:
            question, replaced = repaired(input("\n❓ ").strip())
        except (EOFError, KeyboardInterrupt):
            print()
            return EXIT_OK
        if replaced:
            print(f"cảnh báo: câu hỏi có byte không phải UTF-8, đã thay bằng {REPLACEMENT_SHOWN}", file=sys.stderr)
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
    if args.cold:
        settings = replace(settings, warm_passages=0)
    pipeline = open_pipeline(settings)
    pipeline.wait_for_warmup()  # latencies as a serving bot sees them, not those of its first seconds
    overrides = args.set or []
    if overrides:
        try:
            pipeline = pipeline.with_ranking(pipeline.ranking.with_overrides(overrides))
        except ValueError as exc:
            raise SettingsError(f"--set {exc}") from None
    rows = read_qa(Path(args.qa))
    if args.strip_marks:
        rows = [{**row, "question": without_marks(row["question"])} for row in rows]
    modes: list[RetrievalMode] = ["hybrid", "dense", "lexical"] if args.baselines else ["hybrid"]
    results = [evaluate(pipeline, rows, k=args.k or 5, mode=m, by_stem=args.by_stem) for m in modes]
    if args.json:
        out: dict[str, object] = {"qa": args.qa, "strip_marks": args.strip_marks, "index_version": pipeline.version,
                                  "ranking": pipeline.ranking.__dict__, "calibration": pipeline.calibration.to_dict(),
                                  "results": [r.to_dict() for r in results]}
        if args.misses:
            out["misses"] = [o.to_dict() for o in results[0].misses]
        print(json.dumps(out, ensure_ascii=False))
        return EXIT_OK
    first = results[0].figures
    high, medium = pipeline.thresholds()
    marks = ", typed without marks" if args.strip_marks else ""
    print(f"{args.qa}{marks}: {first.questions} câu hỏi ({first.answerable} có đáp án); "
          f"ranking overrides: {overrides or '-'}")
    print(f"calibration: {pipeline.calibration.source} (high ≥ {high:.2f}, medium ≥ {medium:.2f})")
    header = (f"{'':22} {'n':>4} {'R@1':>6} {'R@3':>6} {'R@5':>6} {'MRR':>6}  answerable h/m/none refused"
              "  unanswerable h/m/none refused")
    print(header)
    for r in results:
        _print_figures(f"{r.mode} (p50 {r.latency_p50_ms:.0f} ms)", r.figures)
    if first.tiers_answerable["none"]:
        print(f"refused answerable questions whose answer is in a section offered with the refusal: "
              f"{first.refused_reachable} of {first.tiers_answerable['none']}")
    if args.by_kind:
        print("by kind (hybrid):")
        for kind, figures in sorted(results[0].by_kind.items()):
            _print_figures("  " + kind, figures)
    if args.misses:
        for miss in results[0].misses:
            print("  miss:", json.dumps(miss.to_dict(), ensure_ascii=False))
    return EXIT_OK


def _index_qa_pairs(values: list[str] | None, option: str) -> list[tuple[Path, Path]]:
    """The INDEX_DIR:QA.jsonl values of a repeatable option, as paths."""
    pairs = []
    for value in values or []:
        index, sep, qa = value.partition(":")
        if not sep:
            raise SettingsError(f"{option} {value!r}: expected INDEX_DIR:QA.jsonl")
        pairs.append((Path(index), Path(qa)))
    return pairs


def cmd_calibrate(args: argparse.Namespace) -> int:
    """Fit the abstention model on QA files (answerable and unanswerable questions) and store it
    with each index it was measured on, as calibration.json next to the manifest."""
    from dataclasses import replace as replace_settings

    from hoidap.app import open_pipeline
    from hoidap.index.calibration import Example, fit, write_calibration
    from hoidap.index.evaluate import evaluate, read_qa
    from hoidap.index.types import Signals

    settings = _settings(args)
    pairs = [(settings.index_dir, Path(qa)) for qa in args.qa or []] + _index_qa_pairs(args.pair, "--pair")
    if not pairs:
        raise SettingsError("give at least one --qa QA.jsonl (over --index) or --pair INDEX_DIR:QA.jsonl")
    validation_pairs = _index_qa_pairs(args.validate, "--validate")
    pipelines = {}

    def examples_of(index_dir: Path, qa: Path) -> list[Example]:
        if index_dir not in pipelines:
            pipelines[index_dir] = open_pipeline(replace_settings(settings, index_dir=index_dir))
        return evaluate(pipelines[index_dir], read_qa(qa)).examples

    examples = [e for index_dir, qa in pairs for e in examples_of(index_dir, qa)]
    validation = [e for index_dir, qa in validation_pairs for e in examples_of(index_dir, qa)]
    embedders = {p.embedder.id for p in pipelines.values()}
    if len(embedders) != 1:
        raise SettingsError(f"the indexes were built with different embedders ({', '.join(sorted(embedders))})")
    report = fit(examples, embedder=embedders.pop(), folds=args.folds, seed=args.seed,
                 max_refused_answerable=args.max_refused, validation=validation,
                 min_refused_unanswerable=args.min_refused_unanswerable)
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
    print(f"weights ({', '.join(Signals._fields)}) = ({', '.join(f'{w:.2f}' for w in c.weights)}), "
          f"bias {c.bias:.2f}; thresholds high ≥ {c.high:.2f}, medium ≥ {c.medium:.2f}")
    print(f"out of fold: answerable refused {oof['refused_answerable']:.3f}, unanswerable refused "
          f"{oof['refused_unanswerable']:.3f}, answered high {oof['high_answerable']:.3f} of answerable "
          f"(first passage right in {oof['high_precision']:.3f} of high answers)")
    if report.validation:
        v = report.validation
        how = ("the medium threshold was chosen on them" if v["met_both_targets"]
               else "no threshold meets both targets on them, so the out-of-fold rule chose it")
        print(f"validation ({report.validation_examples} questions; {how}): answerable refused "
              f"{v['refused_answerable']:.3f}, unanswerable refused {v['refused_unanswerable']:.3f}")
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
        for d in docs:  # one line per document, whatever its file name or title holds
            indexed = (d.indexed_at or "").replace("T", " ")
            print(f"{_cell(d.doc_id):45.45} {_cell(d.number or ''):12.12} {d.date or '':10} {d.passages:5d}  "
                  f"{indexed:19.19}  {_cell(d.title)[:70]}")
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


def cmd_docs_remove(args: argparse.Namespace) -> int:
    """Move a document's files into `<corpus>/.removed/` (nothing is deleted) and re-index — or, if
    any of it cannot be done, change nothing (hoidap.removal)."""
    from hoidap.app import builder_for
    from hoidap.index.lock import LockBusy
    from hoidap.index.types import DocumentError
    from hoidap.removal import NotInCorpus, remove_document

    settings = _settings(args)
    nothing = f"chưa gỡ gì: {_cell(args.id)} vẫn ở trong {settings.corpus_dir}"
    try:
        removal = remove_document(settings.corpus_dir, settings.index_dir, args.id, builder_for(settings))
    except NotInCorpus:
        print(f"không có tài liệu {args.id!r} trong thư mục tài liệu {settings.corpus_dir}; xem `hoidap docs list`",
              file=sys.stderr)
        return EXIT_FAILED
    except (DocumentError, LockBusy) as exc:
        return _fail(f"lỗi: {exc}; {nothing}", EXIT_FAILED, args.json)
    except Exception as exc:
        problem = _storage_problem(exc, settings)
        if problem is None:
            raise
        return _fail(f"lỗi: {problem.describe()}; {nothing}. Hãy {_STORAGE_ADVICE[problem.kind]} rồi chạy lại.",
                     EXIT_STORAGE, args.json)
    report, moved_to = removal.report, removal.moves[0][1]
    if args.json:
        print(json.dumps({"removed": removal.doc_id, "moved_to": str(moved_to),
                          "moved": [{"from": str(a), "to": str(b)} for a, b in removal.moves],
                          "reindex": report.to_dict()}, ensure_ascii=False))
    else:
        others = "".join(f"; {_cell(str(a))} sang {_cell(str(b))}" for a, b in removal.moves[1:])
        print(f"Đã gỡ {_cell(removal.doc_id)}: tệp được chuyển sang {_cell(str(moved_to))}{others}.")
        print(f"Chỉ mục mới (phiên bản {report.version}): {report.passages} đoạn, gỡ {len(report.removed)}"
              f" tài liệu ({', '.join(map(_cell, report.removed)) or 'không có'}), thêm {len(report.added)},"
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
        # A child process: the re-index runs with its own threads and priority, and this serving
        # process starts no OpenMP pool before it serves.
        code = subprocess.run([sys.executable, "-m", "hoidap.cli", "reindex", "--index", str(settings.index_dir),
                               "--corpus", str(settings.corpus_dir)], check=False).returncode
        if code not in (EXIT_OK, EXIT_FAILED):
            return code
    return cmd_bot(args) if settings.telegram_bot_token else cmd_chat(args)


def cmd_bench(args: argparse.Namespace) -> int:
    from hoidap import bench

    settings = _settings(args)
    args.corpus = args.corpus or str(settings.corpus_dir)
    result = json.loads(Path(args.from_json).read_text(encoding="utf-8")) if args.from_json else bench.run(args)
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else bench.table(result))
    if args.markdown:
        command = "hoidap bench" + (" --full" if "1m" in result else "") + (" --bot" if "bot" in result else "")
        Path(args.markdown).write_text(bench.markdown(result, command), encoding="utf-8")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hoidap",
        description="Hỏi đáp văn kiện: answers questions about Vietnamese resolution documents by quoting them.",
        epilog=EXIT_CODES,
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
    p.add_argument("--strip-marks", action="store_true",
                   help="ask every question as a phone without a Vietnamese keyboard types it (marks removed, "
                        "đ → d): how well questions typed without diacritics are answered")
    p.add_argument("--set", action="append", metavar="NAME=VALUE",
                   help="override one ranking knob for this run, e.g. --set dense_share=0.6 (repeatable)")
    p.add_argument("--cold", action="store_true",
                   help="no warm-up: time the questions as the first ones after opening the index")
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
    p.add_argument("--validate", action="append", metavar="INDEX_DIR:QA.jsonl",
                   help="validation questions, never fitted on: the medium threshold is chosen where they meet "
                        "both refusal targets (repeatable)")
    p.add_argument("--min-refused-unanswerable", type=float, default=0.9,
                   help="smallest share of unanswerable validation questions to refuse (default 0.9)")
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

    p = sub.add_parser("bench", help="speed at scale: synthetic 10k/100k (--full: 1M) passage corpora",
                       description="Open time, memory, disk, answer latency (with its split) and approximate "
                                   "recall at each size, re-index speed, answers during a re-index, process "
                                   "models. Synthetic corpora use synthesised passage vectors (search-only "
                                   "figures); questions are embedded by the real model. Set HOIDAP_EMBED_CACHE "
                                   "to reuse the real corpus's vectors.")
    from hoidap.bench import add_arguments

    add_arguments(p)
    p.set_defaults(func=cmd_bench)

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


REINDEXING_COMMANDS = frozenset({"reindex", "docs"})  # `docs remove` re-indexes; list/show load no engine


def pin_threads_for(command: str, settings: Settings) -> None:
    """Thread pools and priority for this process's role, before the engine is imported (hoidap.index.threads)."""
    from hoidap.index.threads import pin_threads

    if command in REINDEXING_COMMANDS:
        pin_threads(settings.reindex_threads, nice=settings.reindex_nice)
    elif command != "bench":  # the benchmark sets its own per measurement
        pin_threads(settings.threads)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        pin_threads_for(args.command, Settings.from_env())
        return args.func(args)
    except IndexUnavailable as exc:
        print(f"lỗi chỉ mục: {exc}", file=sys.stderr)
        return EXIT_NO_INDEX
    except SettingsError as exc:
        print(f"lỗi cấu hình: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a full disk or read-only folder anywhere else (rollback, bot log): say so
        try:
            problem = _storage_problem(exc, _settings(args))
        except SettingsError:
            problem = None
        if problem is None:
            raise
        print(f"lỗi: {problem.describe()}; {_STORAGE_ADVICE[problem.kind]} rồi chạy lại.", file=sys.stderr)
        return EXIT_STORAGE


if __name__ == "__main__":
    sys.exit(main())
