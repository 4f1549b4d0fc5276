"""Every sentence the bot says, in Vietnamese, in one place so wording can be reviewed at a glance.

These are HTML (parse mode of every reply); none of them contains document text.
"""

from __future__ import annotations

from hoidap.bot.store import Stats

# Command name -> description shown in Telegram's command menu (set_my_commands).
COMMANDS: list[tuple[str, str]] = [
    ("start", "Giới thiệu và câu hỏi mẫu"),
    ("help", "Hướng dẫn sử dụng"),
    ("hoi", "Đặt câu hỏi về tài liệu (dùng trong nhóm)"),
    ("tailieu", "Xem tài liệu: mục lục và từng mục"),
    ("ontap", "Ôn tập một tài liệu, từng phần"),
    ("quiz", "Kiểm tra nhanh bằng câu hỏi trắc nghiệm"),
    ("ketqua", "Kết quả bài kiểm tra gần nhất"),
    ("nguon", "Nguồn của câu trả lời gần nhất"),
]
TRAINER_COMMANDS: list[tuple[str, str]] = [
    ("baocao", "Báo cáo cho người hướng dẫn (tin nhắn riêng)"),
]
ADMIN_COMMANDS: list[tuple[str, str]] = [
    ("reload", "Nạp lại chỉ mục mới (quản trị)"),
    ("stats", "Thống kê sử dụng (quản trị)"),
]

# Sample questions offered as buttons under /start; generic enough for any resolution.
SAMPLE_QUESTIONS: list[str] = [
    "Các khâu đột phá là gì?",
    "Mục tiêu đến năm 2030 là gì?",
    "Nhiệm vụ, giải pháp chủ yếu gồm những gì?",
]

START = (
    "Xin chào! Tôi trả lời câu hỏi về các văn bản, nghị quyết trong thư viện tài liệu "
    "bằng cách <b>trích nguyên văn</b> đoạn liên quan, kèm tên văn bản, số hiệu và ngày ban hành.\n\n"
    "• Gõ câu hỏi bằng tiếng Việt, ví dụ: <i>Các khâu đột phá là gì?</i>\n"
    "• /tailieu — xem các tài liệu đang có · /ontap — ôn tập · /quiz — kiểm tra nhanh\n"
    "• /help — hướng dẫn chi tiết\n\n"
    "Hoặc bấm một câu hỏi mẫu:"
)

HELP = (
    "<b>Cách dùng</b>\n"
    "• Trong trò chuyện riêng: gõ câu hỏi, tôi trả lời bằng đoạn trích nguyên văn.\n"
    "• Trong nhóm: nhắc tên tôi (@{username}), trả lời tin nhắn của tôi, hoặc gõ /hoi &lt;câu hỏi&gt;.\n"
    "• Dưới mỗi câu trả lời: <b>Đoạn khác</b> (đoạn liên quan tiếp theo), <b>Xem cả mục</b> "
    "(toàn bộ mục chứa đoạn trích), <b>Nguồn</b> (thông tin văn bản), 👍/👎 để góp ý.\n"
    "• /tailieu — danh sách tài liệu, mục lục, đọc từng mục · /nguon — nguồn của câu trả lời gần nhất.\n"
    "• /ontap [tài liệu] — ôn từng phần; <b>Hỏi về đoạn này</b> tìm câu hỏi tiếp theo trong đúng tài liệu đó.\n"
    "• /quiz [số câu] [tài liệu] — câu hỏi trắc nghiệm; /ketqua — kết quả. "
    "Tài liệu ghi bằng số thứ tự trong /tailieu, số hiệu hoặc vài chữ của tên.\n\n"
    "Tôi chỉ trích từ tài liệu; nếu không tìm thấy, tôi sẽ nói rõ là không có."
)

HOI_USAGE = "Hãy gõ câu hỏi sau lệnh, ví dụ: <code>/hoi Các khâu đột phá là gì?</code>"
EMPTY = "Bạn hãy gõ câu hỏi bằng chữ, ví dụ: <i>Các khâu đột phá là gì?</i>"
NO_WORDS = "Tôi chỉ hiểu câu hỏi bằng chữ. Bạn hãy gõ câu hỏi, ví dụ: <i>Mục tiêu đến năm 2030 là gì?</i>"
TOO_LONG = "Câu hỏi dài quá ({n} ký tự, tối đa {limit}). Bạn hãy hỏi ngắn gọn hơn, mỗi lần một ý."
NOT_TEXT = (
    "Tôi chỉ đọc được tin nhắn chữ (chưa xem được ảnh, nhãn dán hay tin nhắn thoại). Bạn hãy gõ câu hỏi nhé."
)
REFUSED = "Xin lỗi, bạn chưa có quyền sử dụng trợ lý này. Vui lòng liên hệ quản trị viên để được cấp quyền."
RATE_LIMITED = "Bạn hỏi nhanh quá, hãy chờ khoảng {seconds} giây rồi hỏi tiếp nhé."
SLOW_DOWN = "Bạn thao tác nhanh quá (hoặc nhóm đang nhận nhiều tin nhắn), hãy chờ khoảng {seconds} giây nhé."
UNKNOWN_COMMAND = "Lệnh không rõ. Gõ /help để xem hướng dẫn."
ADMIN_ONLY = "Lệnh này chỉ dành cho quản trị viên."
STATS_PRIVATE_ONLY = "Thống kê chỉ xem được trong tin nhắn riêng với bot."
NO_LAST_ANSWER = "Bạn chưa có câu trả lời nào gần đây. Hãy đặt một câu hỏi trước."
EXPIRED = "Câu trả lời này đã cũ, không còn lưu. Bạn hãy hỏi lại nhé."
NOT_YOURS = "Chỉ người đặt câu hỏi mới góp ý được cho câu trả lời này."
INDEX_CHANGED = "Tài liệu đã được cập nhật sau câu trả lời này; bạn hãy hỏi lại nhé."
SCOPE_GONE = "Tài liệu này không còn trong thư viện; câu hỏi được tìm trong mọi tài liệu."
NO_MORE = "Không còn đoạn liên quan nào khác."
NO_SECTION = "Không có mục lớn hơn để hiển thị."
THANKS = "Cảm ơn bạn đã góp ý!"
ERROR = "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Bạn thử lại sau ít phút nhé."
RELOADED = "Đã nạp chỉ mục mới."
UNCHANGED = "Chỉ mục không thay đổi."
RELOAD_FAILED = "Không nạp được chỉ mục mới; bot vẫn dùng chỉ mục cũ. Xem nhật ký để biết lý do."
ALT_HEADING = "Đoạn liên quan khác ({n}/{total})"
SECTION_HEADING = "Toàn bộ mục"
SCOPED_HEADING = "Trong tài liệu «{title}»"
TRAINERS_ONLY = "Lệnh này chỉ dành cho người hướng dẫn."

# Browsing (/tailieu)
NO_DOCUMENTS = "Chưa có tài liệu nào trong chỉ mục."
DOCS_HEADING = "Tài liệu đang có ({n}), mới nhất trước"
PAGE = "trang {page}/{pages}"
OUTLINE_HEADING = "Mục lục"
NO_OUTLINE = "Tài liệu này không chia mục."
READ_HEADING = "Mục {n}/{total}"
PART = "phần {part}/{parts}"
BROWSE_STALE = "Thư viện vừa được cập nhật; gõ /tailieu để xem lại."

# Review (/ontap)
REVIEW_PICK = "<b>Ôn tập</b>: chọn một tài liệu (hoặc gõ <code>/ontap 57-NQ/TW</code>)."
REVIEW_HEADING = "Ôn tập · phần {n}/{total}"
REVIEW_DONE = "Bạn đã ôn hết tài liệu này. Gõ <code>/quiz</code> để tự kiểm tra."
ASK_IN_DOC = "Bạn hỏi gì về «{title}»? Câu hỏi tiếp theo của bạn chỉ tìm trong tài liệu này."
NO_CHECK = "Đoạn này chưa tạo được câu hỏi kiểm tra; bấm Tiếp để ôn phần sau."
DOC_UNKNOWN = "Không thấy tài liệu «{query}». Gõ /tailieu để xem danh sách (có số thứ tự)."
DOC_AMBIGUOUS = "Có {n} tài liệu khớp «{query}»:\n{names}\nHãy ghi số thứ tự trong /tailieu hoặc số hiệu."

# Quiz (/quiz, /ketqua)
QUIZ_USAGE = (
    "Cách dùng: <code>/quiz [số câu] [tài liệu]</code>, ví dụ <code>/quiz 5</code> hoặc "
    "<code>/quiz 3 57-NQ/TW</code> (tối đa {limit} câu)."
)
QUIZ_TRAINERS_ONLY = (
    "Trong nhóm, chỉ người hướng dẫn mới bắt đầu được bài kiểm tra. "
    "Bạn có thể tự kiểm tra trong tin nhắn riêng với bot."
)
QUIZ_NO_QUESTIONS = "Chưa tạo được câu hỏi nào từ tài liệu này."
QUIZ_UNAVAILABLE = "Chức năng kiểm tra chưa sẵn sàng trên máy chủ này."
QUIZ_START_PRIVATE = "<b>Kiểm tra</b>: {n} câu hỏi{scope}. Chọn đáp án; câu tiếp theo đến ngay sau đó."
QUIZ_START_GROUP = (
    "<b>Kiểm tra</b>: {n} câu hỏi{scope}. Mọi người chọn đáp án trong từng câu; "
    "người hướng dẫn bấm <b>Câu tiếp ›</b> để sang câu sau và <b>Kết thúc</b> để xem kết quả (/ketqua)."
)
QUIZ_CHECK = "<b>Kiểm tra</b> đoạn vừa ôn:"
QUIZ_NEXT_TRAINERS_ONLY = "Chỉ người hướng dẫn mới chuyển câu được."
QUIZ_OVER = "Bài kiểm tra này đã kết thúc. Gõ /ketqua để xem kết quả."
NO_RESULTS = "Chưa có bài kiểm tra nào ở đây. Gõ /quiz để bắt đầu."
REPORT_PRIVATE_ONLY = "Báo cáo chỉ gửi trong tin nhắn riêng với bot."

# Button labels.
BTN_ALT = "Đoạn khác"
BTN_SECTION = "Xem cả mục"
BTN_SOURCE = "Nguồn"
BTN_UP = "👍"
BTN_DOWN = "👎"
BTN_PREV = "‹ Trước"
BTN_NEXT = "Sau ›"
BTN_OUTLINE = "⬆ Mục lục"
BTN_LIST = "⬆ Danh sách"
BTN_REVIEW_NEXT = "Tiếp"
BTN_REVIEW_ASK = "Hỏi về đoạn này"
BTN_REVIEW_CHECK = "Kiểm tra"
BTN_QUIZ_NEXT = "Câu tiếp ›"
BTN_QUIZ_END = "Kết thúc"


def stats(s: Stats) -> str:
    """/stats body from a hoidap.bot.store.Stats."""
    lat = s.latency_ms
    return (
        "<b>Thống kê</b>\n"
        f"Câu hỏi: {s.questions} (24 giờ qua: {s.last_24h})\n"
        f"Trả lời được: {s.answered} · Không tìm thấy: {s.abstained}\n"
        f"Người hỏi: {s.users}\n"
        f"Góp ý: 👍 {s.thumbs_up} · 👎 {s.thumbs_down}\n"
        f"Thời gian trả lời (ms): p50 {lat.get('p50', 0):.0f} · p90 {lat.get('p90', 0):.0f}"
        f" · p99 {lat.get('p99', 0):.0f}"
    )
