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
    ("tailieu", "Danh sách tài liệu đang có"),
    ("nguon", "Nguồn của câu trả lời gần nhất"),
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
    "• /tailieu — xem các tài liệu đang có\n"
    "• /help — hướng dẫn chi tiết\n\n"
    "Hoặc bấm một câu hỏi mẫu:"
)

HELP = (
    "<b>Cách dùng</b>\n"
    "• Trong trò chuyện riêng: gõ câu hỏi, tôi trả lời bằng đoạn trích nguyên văn.\n"
    "• Trong nhóm: nhắc tên tôi (@{username}), trả lời tin nhắn của tôi, hoặc gõ /hoi &lt;câu hỏi&gt;.\n"
    "• Dưới mỗi câu trả lời: <b>Đoạn khác</b> (đoạn liên quan tiếp theo), <b>Xem cả mục</b> "
    "(toàn bộ mục chứa đoạn trích), <b>Nguồn</b> (thông tin văn bản), 👍/👎 để góp ý.\n"
    "• /tailieu — danh sách tài liệu · /nguon — nguồn của câu trả lời gần nhất.\n\n"
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
UNKNOWN_COMMAND = "Lệnh không rõ. Gõ /help để xem hướng dẫn."
ADMIN_ONLY = "Lệnh này chỉ dành cho quản trị viên."
STATS_PRIVATE_ONLY = "Thống kê chỉ xem được trong tin nhắn riêng với bot."
NO_LAST_ANSWER = "Bạn chưa có câu trả lời nào gần đây. Hãy đặt một câu hỏi trước."
EXPIRED = "Câu trả lời này đã cũ, không còn lưu. Bạn hãy hỏi lại nhé."
NO_MORE = "Không còn đoạn liên quan nào khác."
NO_SECTION = "Không có mục lớn hơn để hiển thị."
THANKS = "Cảm ơn bạn đã góp ý!"
ERROR = "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Bạn thử lại sau ít phút nhé."
RELOADED = "Đã nạp chỉ mục mới."
UNCHANGED = "Chỉ mục không thay đổi."
RELOAD_FAILED = "Không nạp được chỉ mục mới; bot vẫn dùng chỉ mục cũ. Xem nhật ký để biết lý do."
ALT_HEADING = "Đoạn liên quan khác ({n}/{total})"
SECTION_HEADING = "Toàn bộ mục"

# Button labels.
BTN_ALT = "Đoạn khác"
BTN_SECTION = "Xem cả mục"
BTN_SOURCE = "Nguồn"
BTN_UP = "👍"
BTN_DOWN = "👎"


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
