"""Review (/ontap) and quiz sessions (/quiz, poll answers, /ketqua), in-process through the real Application.

The quiz generator is a deterministic stand-in with hoidap.index.quiz's interface (question i's
answer is option i % 4); polls go through the recording request, which enforces Telegram's
limits on sendPoll, and answers arrive as real ``PollAnswer`` updates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hoidap.bot.quizzes import pollable
from hoidap.bot.tghtml import check
from tgharness import FakeQuizQuestion, Harness

TRAINER = 9


# -- review ----------------------------------------------------------------------------------------
async def test_review_walks_a_document_card_by_card(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        await h.message("/ontap 12-NQ/QU")
        first = check(h.request.texts()[-1])
        assert first.startswith("Ôn tập · phần 1/1\nPhương hướng\nCác khâu đột phá:")
        assert "Một đoạn khác." in first  # short sections share a card
        assert first.endswith("Bạn đã ôn hết tài liệu này. Gõ /quiz để tự kiểm tra.")
        assert [label for label, _ in h.buttons()] == ["Hỏi về đoạn này", "Kiểm tra"]


async def test_review_without_a_name_offers_the_documents(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        await h.message("/ontap")
        assert "chọn một tài liệu" in h.request.texts()[-1]
        buttons = dict(h.buttons())
        assert list(buttons) == ["1. Quận Hai Bà Trưng <2025>", "2. Dân vận"]
        await h.press(buttons["2. Dân vận"])
        assert check(h.request.texts()[-1]).startswith("Ôn tập · phần 1/1\nI. MỤC TIÊU\nDân vận khéo")


async def test_review_with_several_cards_and_next(tmp_path: Path) -> None:
    from tgharness import FakePipeline

    async with Harness(tmp_path, FakePipeline(long_section=True)) as h:
        await h.message("/ontap dan van")  # words of the title, typed without diacritics
        assert check(h.request.texts()[-1]).startswith("Ôn tập · phần 1/2\nI. MỤC TIÊU")
        await h.press(dict(h.buttons())["Tiếp"])
        assert "Ôn tập · phần 2/2" in check("".join(h.request.texts()[-6:]))


async def test_unknown_or_ambiguous_document_names(tmp_path: Path) -> None:
    from tgharness import FakePipeline

    async with Harness(tmp_path, FakePipeline(extra_docs=3)) as h:
        await h.message("/ontap nghị quyết số 999")
        assert "Không thấy tài liệu «nghị quyết số 999»" in h.request.texts()[-1]
        await h.message("/ontap thông báo")
        reply = check(h.request.texts()[-1])
        assert reply.startswith("Có 3 tài liệu khớp «thông báo»") and "2. Thông báo số 2 (2-TB, 03/01/2023)" in reply
        await h.message("/ontap 2")  # the number /tailieu shows
        assert "Nội dung thông báo số 2." in check(h.request.texts()[-1])


async def test_ask_about_this_part_searches_that_document_only(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        await h.message("/ontap Dân vận")
        await h.press(dict(h.buttons())["Hỏi về đoạn này"])
        prompt = h.request.sent()[-1]
        assert "Câu hỏi tiếp theo của bạn chỉ tìm trong tài liệu này" in prompt["text"]
        assert prompt["reply_markup"]["force_reply"] is True
        await h.message("Khâu đột phá là gì?")
        await h.message("Khâu đột phá là gì?")
        assert h.pipeline.scopes == ["dv.txt", None]  # the next question only
        scoped, free = (check(t) for t in h.request.texts()[-2:])
        assert scoped.startswith("Trong tài liệu «Dân vận»\nI. MỤC TIÊU\nDân vận khéo")
        assert free.startswith("Phương hướng › Đột phá")


async def test_ask_about_this_part_in_a_group_is_for_the_presser(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        await h.message("/ontap Dân vận", user=3, chat=-100, chat_type="group")
        await h.press(dict(h.buttons())["Hỏi về đoạn này"], user=4, chat=-100)
        assert h.request.texts()[-1].startswith('<a href="tg://user?id=4">Người 4</a>, Bạn hỏi gì về «Dân vận»?')
        await h.message("khâu đột phá?", user=3, chat=-100, chat_type="group", reply_to_bot=True)
        await h.message("khâu đột phá?", user=4, chat=-100, chat_type="group", reply_to_bot=True)
        assert h.pipeline.scopes == [None, "dv.txt"]


async def test_check_sends_one_quiz_poll_about_the_part(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        await h.message("/ontap 12-NQ/QU")
        await h.press(dict(h.buttons())["Kiểm tra"])
        [poll] = h.request.polls()
        assert poll["type"] == "quiz" and poll["is_anonymous"] is False
        assert poll["question"].startswith("Câu 1/1: Câu hỏi 0 về «Phương hướng»")
        await h.poll_answer(poll["poll_id"], user=1, option=0)
        assert "1/1 câu đúng" in check(h.request.texts()[-1])


# -- quiz sessions ---------------------------------------------------------------------------------
async def test_a_private_quiz_asks_one_question_after_another_then_shows_results(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        await h.message("/quiz 3")
        assert "<b>Kiểm tra</b>: 3 câu hỏi" in h.request.texts()[-1]
        assert len(h.request.polls()) == 1  # one at a time
        for n, option in enumerate([0, 1, 3]):  # right, right, wrong (question 2's answer is option 2)
            poll = h.request.polls()[n]
            assert poll["question"].startswith(f"Câu {n + 1}/3: ") and poll["correct_option_ids"] == [n % 4]
            assert poll["explanation"].startswith("Theo Quận Hai Bà Trưng <2025>") and len(poll["explanation"]) <= 200
            await h.poll_answer(poll["poll_id"], user=1, option=option, name="An")
        assert len(h.request.polls()) == 3
        results = check(h.request.texts()[-1])
        assert "Kết quả kiểm tra · 3 câu · đã kết thúc" in results and "🥇1. An — 2/3 câu đúng" in results
        assert "3. Câu hỏi 2 về" in results and "— 0/1 đúng · Đáp án: Phương án C2" in results
        await h.message("/ketqua")
        assert check(h.request.texts()[-1]) == results


async def test_a_quiz_on_one_document(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        await h.message("/quiz 2 dân vận")
        assert "2 câu hỏi từ «Dân vận»" in check(h.request.texts()[-1])
        assert h.quizzes[-1].asked == [(2, "dv.txt")]


async def test_quiz_usage_and_limits(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        await h.message("/quiz 99")
        assert "/quiz [số câu] [tài liệu]" in check(h.request.texts()[-1]) and h.request.polls() == []
        await h.message("/ketqua", user=2)
        assert "Chưa có bài kiểm tra nào" in h.request.texts()[-1]


async def test_group_session_with_two_users_and_three_questions(tmp_path: Path) -> None:
    """Issue 9: a trainer runs a group session; two members answer three questions; /ketqua is right."""
    async with Harness(tmp_path, trainer_users=frozenset({TRAINER})) as h:
        group = -100
        await h.message("/quiz 3", user=2, chat=group, chat_type="group")
        assert "chỉ người hướng dẫn" in check(h.request.texts()[-1]) and h.request.polls() == []
        await h.message("/quiz 3", user=TRAINER, chat=group, chat_type="group")
        assert "người hướng dẫn bấm Câu tiếp ›" in check(h.request.texts()[-1])
        answers = {2: [0, 1, 2], 3: [0, 0, 0]}  # Bình: all right; Chi: only question 1 (answers 0, 1, 2)
        for n in range(3):
            poll = h.request.polls()[n]
            for user, options in answers.items():
                await h.poll_answer(poll["poll_id"], user=user, option=options[n], name={2: "Bình", 3: "Chi"}[user])
            buttons = h.buttons(-1, "sendPoll")
            if n < 2:
                assert [label for label, _ in buttons] == ["Câu tiếp ›", "Kết thúc"]
                await h.press(buttons[0][1], user=2, chat=group)  # a member cannot move on
                assert h.request.alerts()[-1] == "Chỉ người hướng dẫn mới chuyển câu được."
                assert len(h.request.polls()) == n + 1
                await h.press(buttons[0][1], user=TRAINER, chat=group)
                await h.press(buttons[0][1], user=TRAINER, chat=group)  # a double press sends it once
                assert len(h.request.polls()) == n + 2
            else:
                assert [label for label, _ in buttons] == ["Kết thúc"]
                await h.press(buttons[0][1], user=TRAINER, chat=group)
        posted = check(h.request.texts()[-1])
        await h.message("/ketqua", user=3, chat=group, chat_type="group")
        results = check(h.request.texts()[-1])
        assert results == posted
        assert results.split("\n")[:5] == [
            "Kết quả kiểm tra · 3 câu · đã kết thúc", "", "Bảng xếp hạng", "🥇1. Bình — 3/3 câu đúng",
            "🥈2. Chi — 1/3 câu đúng"]
        per_question = results.split("Từng câu\n")[1].split("\n")
        assert [line.split(" — ")[1].split(" ·")[0] for line in per_question] == ["2/2 đúng", "1/2 đúng", "1/2 đúng"]
        await h.press(buttons[0][1], user=TRAINER, chat=group)
        assert h.request.alerts()[-1] == "Bài kiểm tra này đã kết thúc. Gõ /ketqua để xem kết quả."


async def test_poll_answers_from_strangers_or_unknown_polls_are_ignored(tmp_path: Path) -> None:
    async with Harness(tmp_path, allowed_chats=frozenset({-100}), trainer_users=frozenset({TRAINER})) as h:
        await h.message("/quiz 1", user=TRAINER, chat=-100, chat_type="group")
        [poll] = h.request.polls()
        await h.poll_answer(poll["poll_id"], user=2, option=0)  # a member of the allowed group
        await h.poll_answer("poll-unknown", user=2, option=0)
        await h.message("/quiz 1", user=TRAINER)  # the trainer's private session
        private = h.request.polls()[-1]
        await h.poll_answer(private["poll_id"], user=7, option=0)  # not admitted in that private chat
        await h.press(h.buttons(-2, "sendPoll")[0][1], user=TRAINER, chat=-100)
        assert "🥇1. Người 2 — 1/1 câu đúng" in check(h.request.texts()[-1])
        standings = h.store.read("SELECT user_id FROM quiz_answers")
        assert standings == [(2,)]


def test_questions_are_fitted_to_telegram_poll_limits() -> None:
    def q(**kw: Any) -> FakeQuizQuestion:
        base: dict[str, Any] = {"question": "Câu hỏi?", "options": ["A", "B", "C"], "correct": 1, "doc": "a.txt",
                                "section": "I", "source": "Nghị quyết 57-NQ/TW, mục I", "explanation": "Vì thế."}
        base.update(kw)
        return FakeQuizQuestion(**base)

    fitted = pollable(q(options=["x" * 150, "y" * 150], explanation="Theo Nghị quyết 57 " + "z " * 200), "NQ 57")
    assert fitted is not None and all(len(o) <= 100 for o in fitted["options"]) and fitted["title"] == "NQ 57"
    assert len(fitted["explanation"]) <= 200 and fitted["explanation"].startswith("Theo Nghị quyết 57")
    bare = pollable(q(explanation=""), "Nghị quyết 57-NQ/TW")
    assert bare is not None and bare["explanation"] == "Nguồn: Nghị quyết 57-NQ/TW — I"
    assert pollable(q(options=["một"])) is None  # fewer than 2
    assert pollable(q(options=[str(i) for i in range(13)])) is None  # more than 12
    assert pollable(q(options=["a" * 120 + "1", "a" * 120 + "2"])) is None  # equal once cut
    assert pollable(q(correct=5)) is None
