"""Everyday words for the documents' own: "người làm ruộng" asks about "nông dân".

Party members ask in the words of the street ("công ty quốc doanh", "tiền đâu ra", "khám bệnh không
mất tiền"); resolutions write "doanh nghiệp nhà nước", "nguồn vốn", "miễn viện phí". Neither BM25 nor
the coverage signals see a shared word, and a small embedding model often misses the link too, so a
paraphrase is ranked low and then refused. This module holds a hand-written table of everyday phrases
and the administrative phrases they stand for, and finds which of them a question uses.

A rewording is offered only when the corpus itself writes the formal phrase (every syllable known and
adjacent), so the table stays harmless on a corpus about something else, and the question keeps its
own words: the formal phrases are added to the search and offered to the coverage check as
alternatives, never substituted for what the user typed.

>>> from hoidap.index.question import Vocabulary
>>> vocab = Vocabulary.from_texts(["Nông dân là chủ thể", "miễn viện phí cho người nghèo"])
>>> rewordings("người làm ruộng được gì?", True, vocab)
[Rewording(typed='người làm ruộng', formal=('nông dân',))]
>>> rewordings("kham benh khong mat tien", False, vocab)
[Rewording(typed='khong mat tien', formal=('mien vien phi',))]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from hoidap.index.text import STOPWORDS_PLAIN, nfc, plain_key, toned_key, without_marks

if TYPE_CHECKING:
    from hoidap.index.question import Vocabulary

# One line per idea: everyday phrases = the documents' phrases, each side separated by "|".
# Written from how Party and State documents word things, not from any question set; a phrase on
# the left should mean what every phrase on the right means, in these documents. The lines after
# "giấy tờ sổ sách" were written by a helper that read only the corpus and this table (see
# docs/quality.md). Its congress numbers ("đại hội 6", "đại hội 13" …) were left out: the ordinal rule
# already matches them, and as search words they moved answers down on the tuning sets; so did
# "tuổi nghỉ".
_TABLE = """
người làm ruộng | nhà nông | người trồng lúa | bà con nông dân | dân quê | người nông thôn = nông dân
làm ruộng | làm nông | trồng lúa | nuôi heo | nuôi lợn = nông nghiệp | sản xuất nông nghiệp
làng quê | vùng quê | miền quê | làng xã = nông thôn
ruộng đất | đất ruộng | đất canh tác = đất đai | đất nông nghiệp
buôn bán | làm ăn | mua bán | kinh doanh buôn bán = kinh doanh
công ty | cơ sở kinh doanh | hãng sản xuất = doanh nghiệp
công ty quốc doanh | quốc doanh | công ty nhà nước | xí nghiệp nhà nước = doanh nghiệp nhà nước | kinh tế nhà nước
công ty tư nhân | công ty tư | làm kinh tế tư nhân | tư nhân làm ăn = kinh tế tư nhân | doanh nghiệp tư nhân
ngoài quốc doanh | khu vực tư = kinh tế tư nhân | doanh nghiệp tư nhân
hộ buôn bán | tiểu thương | hộ cá thể | buôn bán nhỏ = hộ kinh doanh
ông chủ | giới kinh doanh | người kinh doanh | người làm ăn = doanh nhân
tiền đâu ra | lấy tiền | nguồn tiền | tiền bạc | khoản tiền | chi tiền | bỏ tiền = nguồn vốn | kinh phí | ngân sách
tiền nhà nước | tiền ngân sách | công quỹ | tiền thuế của dân = ngân sách nhà nước
vay tiền | vay vốn | mượn tiền = tín dụng
giàu mạnh | giàu có | giàu đẹp | sung túc = thịnh vượng | phồn vinh | hùng cường
nhà nghèo | gia đình nghèo | nghèo khó | nhà khó khăn = hộ nghèo | hoàn cảnh khó khăn | giảm nghèo
lương bổng | tiền công | đồng lương = tiền lương | thu nhập
bán ra nước ngoài | bán ra thế giới | hàng ra nước ngoài = xuất khẩu
tiền nước ngoài | vốn ngoại | nhà đầu tư ngoại = đầu tư nước ngoài
thủ tục giấy tờ | giấy tờ rườm rà | giấy tờ lằng nhằng = thủ tục hành chính
bỏ bớt cơ quan | cắt bớt cơ quan | giảm cơ quan = tinh gọn | sắp xếp tổ chức bộ máy | giảm đầu mối
gọn nhẹ | gọn lại | bớt đầu mối = tinh gọn | sắp xếp tổ chức bộ máy | giảm đầu mối
gộp | nhập lại | gộp lại | nhập chung = sáp nhập | hợp nhất
gộp tỉnh | nhập tỉnh | gộp xã | nhập xã = sắp xếp đơn vị hành chính | hợp nhất
bỏ huyện | bỏ cấp huyện | xóa cấp huyện = không tổ chức cấp huyện | chính quyền địa phương 2 cấp
chính quyền hai cấp | hai cấp chính quyền = chính quyền địa phương 2 cấp
cắt giảm người | giảm người | bớt người | giảm biên chế = tinh giản biên chế
về hưu sớm | nghỉ sớm | nghỉ trước tuổi = nghỉ hưu trước tuổi
về hưu | nghỉ hưu = nghỉ hưu
nghỉ việc | thôi làm = thôi việc
người làm nhà nước | người ăn lương nhà nước | công chức nhà nước = cán bộ, công chức, viên chức
tiền hỗ trợ | tiền trợ cấp | được trợ cấp | tiền đền bù = chế độ, chính sách | trợ cấp
sếp | thủ trưởng | người cầm đầu | người đứng đầu = người đứng đầu
bỏ phiếu | đi bầu = bầu cử
cuộc họp | buổi họp = hội nghị | phiên họp
luật lệ | phép nước | luật pháp = pháp luật
làm luật | soạn luật | viết luật = xây dựng pháp luật
thực thi luật | chấp hành luật | áp dụng luật | thi hành luật = thi hành pháp luật | tổ chức thi hành pháp luật
ăn hối lộ | nhận hối lộ | ăn tiền | đục khoét = tham nhũng | tiêu cực
phung phí | hoang phí | tiêu xài hoang = lãng phí
bà con | dân chúng | người dân thường = nhân dân
đất nước mình | nước mình = đất nước | Tổ quốc
ra tòa | xử án | xử kiện = xét xử | Tòa án
bắt người | bắt giữ | bắt giam = bắt, giam, giữ
vô tội | chưa có tội | không bị coi là có tội = được coi là không có tội | suy đoán vô tội
lá cờ | cờ tổ quốc = Quốc kỳ
chiều ngang | bề ngang = chiều rộng
phần của nền kinh tế | so với cả nền kinh tế | so với nền kinh tế | tổng sản phẩm trong nước = GDP
vùng bảo tồn = khu bảo tồn
bài hát chính thức | bài ca chính thức = Quốc ca
ngày độc lập = Quốc khánh
người đứng đầu nhà nước | nguyên thủ = Chủ tịch nước
bộ đội | người lính | đi lính = Quân đội nhân dân | lực lượng vũ trang
đi bộ đội | đi lính | nhập ngũ = nghĩa vụ quân sự
cảnh sát = Công an nhân dân
nói lên ý kiến | phát biểu ý kiến | nói thẳng = tự do ngôn luận
theo đạo | đi lễ | tôn giáo = tín ngưỡng, tôn giáo
nhà cửa | chỗ ở | nhà ở = chỗ ở hợp pháp | nhà ở
lấy vợ | lấy chồng | cưới vợ | cưới chồng | cưới xin = kết hôn | hôn nhân
bỏ nhau | ly dị = ly hôn
công ăn việc làm | có việc làm | kiếm việc = việc làm
người làm thuê | thợ thuyền | người đi làm = người lao động | giai cấp công nhân
lũ lụt | bão lũ | hạn hán = thiên tai | biến đổi khí hậu
ô nhiễm | rác thải = môi trường | bảo vệ môi trường | chất thải
hướng đi | định hướng lớn = đường lối | chủ trương
thay đổi mới | làm mới | thay cũ đổi mới = đổi mới
việc mấu chốt | khâu mấu chốt | điểm nút | việc then chốt = đột phá | khâu đột phá | then chốt
quan trọng nhất | ưu tiên số một = hàng đầu | then chốt | quan trọng
việc chính | việc cần làm | việc phải làm | việc trọng tâm = nhiệm vụ trọng tâm | nhiệm vụ
cách làm | làm thế nào | làm cách nào | biện pháp = giải pháp | biện pháp
cái nhìn | tư tưởng chỉ đạo | quan niệm = quan điểm | quan điểm chỉ đạo
về lâu dài | tương lai xa | mai sau = tầm nhìn | dài hạn
hạn chót | hạn cuối | muộn nhất = hoàn thành | thời hạn
làm xong | xong xuôi | hoàn tất | xây xong = hoàn thành
soát xét | trông chừng = kiểm tra, giám sát
nhìn lại | đánh giá lại | rút kinh nghiệm = tổng kết | sơ kết | kiểm điểm
người tài | người giỏi | chất xám = nhân tài | nhân lực chất lượng cao
người trẻ | lớp trẻ | giới trẻ = thanh niên | thế hệ trẻ
chị em | phái nữ = phụ nữ
người già | ông bà già | cụ già | người lớn tuổi = người cao tuổi
trẻ con | con nít | các cháu | bọn trẻ = trẻ em
người dân tộc | bà con dân tộc | đồng bào thiểu số = đồng bào dân tộc thiểu số | dân tộc thiểu số
vùng núi | vùng cao | vùng sâu vùng xa | vùng khó khăn = vùng đặc biệt khó khăn | miền núi | vùng sâu, vùng xa
giáp biên giới | sát biên giới | vùng biên | giáp nước ngoài = biên giới
ngoài khơi | biển cả | biển đảo = biển | kinh tế biển
người đánh cá | dân chài | người đi biển = ngư dân
bến cảng | bến tàu = cảng biển
việc học | học hành | đi học = giáo dục | học tập
trường lớp | ngôi trường = trường học | cơ sở giáo dục
tiền học | đóng tiền học | tiền trường = học phí
học không mất tiền | không mất tiền học | miễn tiền học | học miễn phí = miễn học phí
nghỉ học | thôi học | nghỉ học giữa chừng | nghỉ ngang = bỏ học
thầy cô | thầy giáo | cô giáo = nhà giáo | giáo viên
học nghề | dạy nghề = giáo dục nghề nghiệp | đào tạo nghề
trường ở lại | ăn ở tại trường | ở lại trường = nội trú | bán trú
khám bệnh | chữa bệnh | đi viện | đi khám = khám bệnh, chữa bệnh | khám, chữa bệnh
tiền viện | tiền chữa bệnh | tiền khám bệnh = viện phí | chi phí khám, chữa bệnh
không mất tiền | không tốn tiền | không phải trả tiền | khỏi trả tiền = miễn phí | miễn viện phí
khám tổng quát | kiểm tra sức khỏe | khám định kỳ = khám sức khỏe định kỳ | khám sàng lọc
thẻ bảo hiểm | bảo hiểm khám bệnh = bảo hiểm y tế
y tá | thầy thuốc | cán bộ y tế = nhân lực y tế | nhân viên y tế | bác sĩ
trạm xá | bệnh xá = trạm y tế | y tế cơ sở
sống lâu | tuổi đời = tuổi thọ
phòng dịch | tiêm phòng | tiêm chủng = y tế dự phòng | phòng bệnh
sổ khám bệnh | hồ sơ bệnh án = hồ sơ sức khỏe điện tử
mạng internet | internet | mạng wifi | mạng viễn thông = hạ tầng số | Internet | băng thông rộng
lên mạng | làm trên mạng | online | số hóa = chuyển đổi số | môi trường số | trực tuyến
máy tính | máy móc hiện đại = công nghệ số | chuyển đổi số
người nghiên cứu | nhà nghiên cứu | giới nghiên cứu = nhà khoa học | nghiên cứu
phát minh | sáng kiến | cái mới = đổi mới sáng tạo
khởi nghiệp | startup = khởi nghiệp sáng tạo
ra đời | lập ra = thành lập | ra đời
đổi tên | lấy tên = đổi tên
người đứng đầu đảng = Tổng Bí thư
được đền bù | tiền đền bù | đền bù = bồi thường | hỗ trợ
người dôi ra | cán bộ dư | dư người | thừa người = dôi dư
mất việc | bị cho nghỉ | nghỉ việc luôn = thôi việc | nghỉ việc
nuôi cá | nuôi tôm | đánh bắt cá | đánh cá = nuôi trồng thủy sản | khai thác hải sản | thủy sản
nước giàu | nước phát triển | nước giàu mạnh = nước phát triển, thu nhập cao | thu nhập cao
Việt kiều | người Việt ở nước ngoài | kiều bào = người Việt Nam ở nước ngoài
người đi dự | người dự họp | người dự đại hội = đại biểu
bắt đầu họp | mở màn = khai mạc
kết thúc họp | họp xong = bế mạc
không được làm | cấm làm | bị cấm = nghiêm cấm | cấm
đóng thuế = nộp thuế
tuổi đi bầu | được đi bầu = quyền bầu cử | bầu cử
người tàn tật | người tật nguyền = người khuyết tật
gia đình thương binh liệt sĩ | thương binh liệt sĩ | gia đình chính sách = người có công với cách mạng
dân tộc ít người = dân tộc thiểu số
tiếng nói chính | tiếng nói chung | ngôn ngữ chính thức = ngôn ngữ quốc gia | tiếng Việt
đánh giặc | chống giặc | giữ nước = bảo vệ Tổ quốc
tập đoàn lớn | công ty lớn | doanh nghiệp to = doanh nghiệp lớn | tập đoàn kinh tế
công ty nhỏ | doanh nghiệp nhỏ | cơ sở nhỏ = doanh nghiệp nhỏ và vừa
con nhà nghèo | học sinh nghèo = hoàn cảnh khó khăn | hộ nghèo
con số phải đạt | chỉ số phải đạt | mục tiêu cụ thể = chỉ tiêu
mười ngàn | mười nghìn | 10 ngàn = vạn
lớn lên | lớn nhanh | phát triển nhanh = tăng trưởng
đại hội toàn quốc | đại hội Đảng toàn quốc | kỳ họp lớn nhất của Đảng = Đại hội đại biểu toàn quốc
ký ra | được ký | ra văn bản = ban hành
kim chỉ nam | câu phương châm = phương châm
chợ búa | thương trường = thị trường
vốn liếng | của cải | tiền của = nguồn lực
nhóm chỉ đạo | ban chỉ huy | tổ chỉ đạo = Ban Chỉ đạo
cầm đầu | dẫn dắt = Trưởng Ban | người đứng đầu
sửa luật | sửa sang luật | sửa đổi luật lệ = hoàn thiện thể chế | hoàn thiện pháp luật
cãi thuê | thầy cãi = luật sư
chuỗi cung ứng thế giới | chuỗi cung ứng toàn cầu = chuỗi giá trị toàn cầu
rèn luyện thân thể | tập thể dục | rèn luyện sức khỏe = thể dục, thể thao | sức khỏe toàn dân
đường ngõ | ngõ nhỏ | ngõ hẻm = hẻm
Sài Gòn = Thành phố Hồ Chí Minh
chấp bút | viết ra | soạn thảo = dự thảo
ứng dụng điện thoại | app = ứng dụng
dạy nghiệp vụ | tập huấn = đào tạo, bồi dưỡng
ngoài biên chế | không trong biên chế | không biên chế = không chuyên trách
quyền lợi = chế độ, chính sách
lao động ở quê | người ở quê = lao động nông thôn | nông thôn
rác độc hại | rác độc = chất thải nguy hại
rác sinh hoạt | rác nhà = chất thải rắn sinh hoạt
giáp biển | vùng giáp biển | sát biển = ven biển
làm ăn trên mạng | buôn bán trên mạng | bán hàng qua mạng = kinh tế số | thương mại điện tử
xử như tội phạm | coi như tội phạm | bị xử hình sự = hình sự hóa
cất thêm | xây thêm = xây dựng mới
Đông Nam Á = ASEAN
bù thêm | phụ cấp thêm | thưởng thêm = hỗ trợ
vào Đảng | được vào Đảng = kết nạp Đảng | kết nạp đảng viên
quan chức | người làm quan = cán bộ | cán bộ lãnh đạo, quản lý
quan to | cán bộ cấp cao | lãnh đạo cấp cao = cán bộ cấp chiến lược | cán bộ lãnh đạo
bầu lại | làm thêm nhiệm kỳ | ngồi tiếp = tái cử
họp bàn | bàn bạc = thảo luận
chốt lại | nhất trí với nhau = thống nhất | kết luận
góp ý | cho ý kiến = lấy ý kiến | đóng góp ý kiến
tư tưởng Bác | tư tưởng Bác Hồ = tư tưởng Hồ Chí Minh
Bác Hồ = Chủ tịch Hồ Chí Minh | Hồ Chí Minh
giá cả leo thang | vật giá | giá cả tăng = lạm phát | giá cả
đường sá | cầu cống | điện đường trường trạm = kết cấu hạ tầng | hạ tầng giao thông
nhà máy | xí nghiệp = doanh nghiệp | công nghiệp
sổ đỏ = giấy chứng nhận quyền sử dụng đất
lấy đất | thu đất = thu hồi đất
người thất nghiệp | không có việc = việc làm | thất nghiệp
nhà báo | báo đài = báo chí | truyền thông
facebook | mạng xã hội | fb = mạng xã hội | không gian mạng
tin giả | tin đồn | tin bậy = thông tin sai lệch | thông tin xấu độc
thi cử | thi tốt nghiệp = thi | kiểm tra, đánh giá
sách vở = sách giáo khoa
học thêm | dạy thêm = dạy thêm, học thêm
cấp 3 | cấp ba = trung học phổ thông
cấp 2 | cấp hai = trung học cơ sở
cấp 1 | cấp một = tiểu học
mẫu giáo | nhà trẻ = mầm non | giáo dục mầm non
trường tư | trường dân lập = ngoài công lập | tư thục
trường công | trường nhà nước = công lập
y tế xã | bệnh xá xã = trạm y tế xã | y tế cơ sở
tiêm vắc xin | chích ngừa = tiêm chủng
bệnh nhân = người bệnh
ăn uống đủ chất | chế độ ăn = dinh dưỡng
chiều cao | vóc dáng = tầm vóc
hút thuốc | thuốc lá điện tử = thuốc lá
rượu bia | nhậu nhẹt = rượu, bia
dân số già | người già tăng = già hóa dân số
đẻ con | sinh con | sinh đẻ = mức sinh
nhà làm việc | trụ sở làm việc = trụ sở | cơ sở vật chất
nhà đất công | của công = tài sản công
chủ tịch xã = Chủ tịch Ủy ban nhân dân cấp xã
hội đoàn thể | các đoàn thể = tổ chức chính trị - xã hội | đoàn thể
nộp hồ sơ online | làm giấy tờ online | làm thủ tục online = dịch vụ công trực tuyến
căn cước | thẻ căn cước = căn cước công dân | định danh điện tử
đi kiện | kiện cáo | thưa kiện = khiếu nại, tố cáo | khởi kiện
bị phạt | phạt tiền = xử phạt | xử lý vi phạm
đi tù | ngồi tù | nhà tù = hình phạt tù | tù
bản quyền | bằng sáng chế = sở hữu trí tuệ | sáng chế
con chip | bán dẫn = công nghiệp bán dẫn | chip bán dẫn
ai phụ trách | ai lo | giao cho ai | ai chịu trách nhiệm = chủ trì | chịu trách nhiệm
bắt đầu áp dụng | bắt đầu có hiệu lực = có hiệu lực | hiệu lực thi hành
cầm lái | chèo lái | cầm cân nảy mực = lãnh đạo
khá giả | sung sướng | no ấm = dân giàu | ấm no
nước máy | nước giếng | nước uống | nước sinh hoạt = nước sạch
sóng điện thoại | mạng điện thoại | sóng di động | mạng di động = mạng di động | băng thông rộng | 5G
học trò | trò nhỏ = học sinh | người học
sách học | sách giáo khoa miễn phí = sách giáo khoa
không tốn đồng nào | không mất đồng nào | khỏi tốn tiền | không tốn tiền = miễn phí | miễn
nằm viện | điều trị nội trú = viện phí | khám bệnh, chữa bệnh
học y | học dược | thuốc men | ngành thuốc = y, dược | dược
nấc lương | bậc lương | nấc thứ = bậc | bậc lương | hệ số lương
nghiệp đoàn = công đoàn
đạo luật gốc | luật gốc | luật cơ bản | luật mẹ = Hiến pháp
hoạt động ngầm | hoạt động bí mật = bí mật
ra mắt quần chúng | ra hoạt động công khai = công khai
tam nông = nông nghiệp, nông dân, nông thôn
giáp ranh | vùng giáp ranh | sát biên | giáp biên = biên giới | khu vực biên giới
lúa gạo | gạo thóc | thóc lúa | hoa màu = lương thực
sinh vật | muông thú | cây con = đa dạng sinh học
khoanh vùng bảo vệ | khu giữ gìn | vùng giữ gìn = khu bảo tồn
kiếm tiền | tiền kiếm được | tiền làm ra = thu nhập
quy tắc nội bộ | bộ quy tắc | nội quy của Đảng | luật của Đảng = Điều lệ Đảng
ban lãnh đạo | ban lãnh đạo đảng bộ = cấp ủy | Ban Chấp hành
đứng lớp | dạy học | đi dạy = giảng dạy | nhà giáo
nhà hảo tâm | mạnh thường quân = xã hội hóa | tổ chức, cá nhân
góp sức | chung tay | góp tiền = huy động | đóng góp
gây án | phạm pháp = phạm tội | tội phạm
trong sạch | không có lỗi = không có tội
ngành cơ khí | công nghiệp nặng = công nghiệp nặng
tự do làm ăn | được tự do xoay xở = tự do kinh doanh | được làm những gì mà pháp luật không cấm
thành phố hiện đại | đô thị hiện đại = đô thị thông minh
cho cán bộ thấm | học tập nghị quyết | phổ biến nghị quyết = quán triệt | học tập, quán triệt
tụi nhỏ | đám nhỏ | bọn nhỏ = học sinh | trẻ em
không phải mua | khỏi mua | phát không = miễn phí
tổ trực | nhóm trực | chỗ trực = bộ phận thường trực
hứa giúp | giúp tiền | cho vay giúp = viện trợ
khoanh lại | khoanh vùng = khu bảo tồn
ở lại thêm một khóa | ở lại thêm khóa nữa | thêm một khóa nữa = tái cử
người đi họp | đi họp = đại biểu | dự đại hội
bạn bè nước ngoài | nước bạn = quốc tế | bạn bè quốc tế
đứng ra vận động | đứng ra kêu gọi = phát động | kêu gọi
làm thử | chạy thử | thử trước = thí điểm
nhân ra | làm rộng ra | mở rộng ra = nhân rộng
không quản nổi | quản không nổi = không quản được
rừng đước | rừng ven biển = rừng ngập mặn
trồng lại rừng | trồng lại = phục hồi
người gốc ở tỉnh đó | người gốc | người bản địa | dân gốc = người địa phương
giấy tờ sổ sách | giấy tờ | sổ sách = tài liệu | hồ sơ
mấy năm một khóa | một khóa mấy năm | mấy năm bầu một lần = nhiệm kỳ
người trong trung ương | vào trung ương = Ủy viên Trung ương | Ban Chấp hành Trung ương
họp chuẩn bị | họp sơ bộ | họp trước đại hội = phiên trù bị | trù bị
ra tranh cử | người ra tranh cử | tranh cử = ứng cử | giới thiệu ứng cử
được bầu lại | trúng lại | đắc cử lại = tái đắc cử | tái cử
bí thư tỉnh | bí thư thành phố = bí thư tỉnh ủy | Bí thư Thành ủy
đủ tuổi ở lại | tuổi ở lại | tuổi được làm tiếp = độ tuổi tái cử | tuổi tái cử
hết tuổi ở lại | quá tuổi ở lại | không đủ tuổi làm tiếp = không đủ tuổi tái cử | không đủ điều kiện về tuổi tái cử
mới vào cấp ủy | lần đầu vào cấp ủy = lần đầu tham gia cấp ủy
nữ cán bộ | chị em cán bộ | cán bộ là nữ = cán bộ nữ | cấp ủy viên nữ
lãnh đạo trẻ | cán bộ còn trẻ = cán bộ trẻ
thay người mới | thay máu cấp ủy = đổi mới không dưới 1/3
bí thư từ nơi khác | bí thư tỉnh khác đến | bí thư người ngoài tỉnh = bí thư cấp ủy cấp tỉnh không là người địa phương
điều cán bộ đi nơi khác | đổi chỗ cán bộ | chuyển cán bộ đi = luân chuyển cán bộ | điều động, luân chuyển
một người hai chức | giữ hai ghế | ôm hai chức = kiêm | không giữ quá 2 chức danh
tài liệu đại hội | giấy tờ đại hội | báo cáo đại hội = văn kiện đại hội | văn kiện
báo cáo chính của đại hội | bản báo cáo chính = báo cáo chính trị
nhận khuyết điểm | tự nhận lỗi | nhìn nhận khuyết điểm = tự phê bình và phê bình
đại hội làm trước | đại hội mẫu | đại hội làm mẫu = đại hội điểm
câu chào mừng | câu cổ động | băng rôn | pano = khẩu hiệu tuyên truyền | khẩu hiệu
họp trung ương | kỳ họp trung ương = Hội nghị Trung ương | Hội nghị lần thứ
người trong đảng | người của đảng | người có thẻ đảng = đảng viên
cấp trên cử | cử thẳng | không bầu mà cử | cấp trên chọn = chỉ định
chuẩn bị người | lo nhân sự | chọn người = công tác nhân sự | chuẩn bị nhân sự
ban soạn văn kiện | nhóm soạn văn kiện = Tiểu ban Văn kiện
ủy viên dự bị | vào dự bị trung ương = dự khuyết
hoãn đại hội | dừng đại hội | ngưng đại hội = tạm dừng tổ chức đại hội
thời kỳ đi lên | thời đại đi lên | giai đoạn cất cánh = kỷ nguyên vươn mình của dân tộc | kỷ nguyên mới
trăm năm thành lập đảng | đảng tròn trăm tuổi | đảng 100 tuổi = 100 năm thành lập Đảng
trăm năm lập nước | nước tròn trăm năm | nước 100 tuổi = 100 năm thành lập nước
ba mũi nhọn | 3 mũi nhọn | ba việc đột phá = đột phá chiến lược | khâu đột phá
đại hội đổi mới = Đại hội VI | Đại hội Đảng Cộng sản Việt Nam lần thứ VI
thời bao cấp | thời tem phiếu | tem phiếu = bao cấp
cho tư nhân làm ăn | kinh tế đủ loại hình = kinh tế nhiều thành phần
thời mở cửa | bắt đầu đổi mới | mở cửa kinh tế = công cuộc đổi mới | đổi mới
đường lối gốc của đảng | văn bản gốc của đảng = Cương lĩnh chính trị
cương lĩnh năm 1930 | cương lĩnh 1930 | bản cương lĩnh đầu tiên = Cương lĩnh chính trị đầu tiên
luận cương tháng mười | luận cương 1930 | luận cương của Trần Phú = Luận cương chính trị
cương lĩnh 1991 | cương lĩnh năm 1991 = Cương lĩnh xây dựng đất nước
học thuyết Mác | thuyết Mác | Mác Lê nin | Mác Lênin = chủ nghĩa Mác - Lênin
cnxh = chủ nghĩa xã hội
xhcn = xã hội chủ nghĩa
thời kỳ chuyển tiếp | giai đoạn chuyển tiếp lên cnxh = thời kỳ quá độ lên chủ nghĩa xã hội
kinh tế thị trường kiểu Việt Nam | thị trường có định hướng = kinh tế thị trường định hướng xã hội chủ nghĩa
nhà nước thượng tôn luật | cai trị bằng luật | quản lý bằng luật = nhà nước pháp quyền
tham ô | biển thủ | rút ruột công trình = tham nhũng | thất thoát
cán bộ hư hỏng | cán bộ sa sút | tha hóa = suy thoái
làm gương | gương mẫu = nêu gương
lòng tin của dân | dân tin đảng | lòng dân = niềm tin
bộ máy trung gian | khâu trung gian = cấp trung gian
bỏ khâu trung gian | xóa khâu trung gian = xóa bỏ cấp trung gian
huyện đảo = đặc khu
tỉnh mới sau gộp | tỉnh sau sáp nhập | tỉnh sau khi gộp = tỉnh, thành phố (mới)
giải tán đảng bộ | xóa đảng bộ | đảng bộ cũ giải thể = chấm dứt hoạt động | kết thúc hoạt động
giao lại việc | bàn giao việc | chuyển việc cho nơi mới = chuyển giao
việc không bị ngưng | không ngắt quãng công việc | không bị đứt quãng = không để gián đoạn
tuổi về hưu | tuổi hưu = tuổi nghỉ hưu
tự xin nghỉ | xin thôi | tự nguyện nghỉ = theo nguyện vọng | nguyện vọng nghỉ hưu
ăn lương ngân sách | hưởng lương nhà nước | được nhà nước trả lương = hưởng lương từ ngân sách nhà nước
làm hợp đồng | nhân viên hợp đồng | người làm hợp đồng = hợp đồng lao động
quân đội và công an | bộ đội công an | quân đội công an = lực lượng vũ trang
chính sách 178 | chế độ 178 = Nghị định số 178/2024/NĐ-CP
hội nhóm | hội đoàn nhỏ = hội quần chúng
vừa làm vừa sửa | vừa làm vừa hoàn thiện = vừa chạy vừa xếp hàng
chỗ làm cụ thể | vị trí công việc = vị trí việc làm
chỉ tiêu người làm | số người được giao = biên chế
xã đội trưởng | chỉ huy quân sự xã = Chỉ huy trưởng Ban chỉ huy quân sự cấp xã
giao quyền cho địa phương | trao quyền cho địa phương | cho địa phương tự quyết = phân cấp, phân quyền
hđnd = Hội đồng nhân dân
ubnd = Ủy ban nhân dân
mttq = Mặt trận Tổ quốc Việt Nam
cbccvc | cb cc vc = cán bộ, công chức, viên chức
công ty nước ngoài | công ty vốn ngoại | công ty FDI = doanh nghiệp có vốn đầu tư trực tiếp nước ngoài
công ty siêu nhỏ | cơ sở tí hon = siêu nhỏ
kinh tế xoay vòng | tái chế = kinh tế tuần hoàn
giảm khí thải | ít khí thải | giảm khí nhà kính = phát thải thấp
nông nghiệp sạch | trồng rau sạch | nông sản sạch | không dùng thuốc hóa học = nông nghiệp xanh | hữu cơ
người làm muối | dân làm muối = diêm dân
độ phủ rừng | rừng che phủ | độ che phủ rừng = tỉ lệ che phủ rừng
thu gom rác | xử lý rác = thu gom, xử lý
thu nhập mỗi người | thu nhập đầu người = thu nhập bình quân đầu người | thu nhập bình quân
hiệu suất làm việc | năng suất làm việc = năng suất lao động
kinh tế tăng mỗi năm | mức tăng kinh tế = tốc độ tăng trưởng
đóng góp vào ngân sách | nộp ngân sách = thu ngân sách nhà nước
tài sản riêng | của riêng = quyền tài sản
chọn nhà thầu | đấu thầu = lựa chọn nhà thầu
tổng vốn xây dựng | tổng tiền đầu tư = tổng mức đầu tư
đầu tư theo đợt | chia đợt đầu tư = phân kỳ đầu tư
tiền trung ương | trung ương chi = ngân sách trung ương
tiền duy trì hằng năm | chi phí vận hành | tiền hoạt động hằng năm = kinh phí hoạt động thường xuyên
đất xây trường | đất để xây trường = quỹ đất xây trường học
bản vẽ mẫu | thiết kế chung = thiết kế mẫu
trường đỡ đầu | đỡ đầu trường = kết nghĩa
xây lại trường | sửa trường | nâng cấp trường = xây mới hoặc cải tạo | cải tạo
khai trường | tựu trường | ngày tựu trường = khai giảng
trường gộp cấp | trường cấp 1 cấp 2 chung | trường từ lớp 1 đến lớp 9 = liên cấp | trường phổ thông nội trú liên cấp
tiếng đồng bào | tiếng của đồng bào = tiếng dân tộc
phụ cấp giáo viên | tiền phụ cấp nghề giáo | phụ cấp đứng lớp = phụ cấp ưu đãi nghề
trường đạt chuẩn | trường chuẩn = đạt chuẩn quốc gia
phổ cập cấp 3 | ai cũng học hết cấp 3 = phổ cập trung học phổ thông
vay tiền đi học | vay vốn đi học | vay tiền học = tín dụng ưu đãi
học bổng nhà nước = Quỹ học bổng quốc gia
trường ĐH | học đại học | lên đại học = giáo dục đại học | cơ sở giáo dục đại học
thi đại học | xét tuyển đại học | thi vào đại học = tuyển sinh đại học
trường nghề | trường trung cấp | trường cao đẳng nghề = cơ sở giáo dục nghề nghiệp
lớp chọn | trường điểm = trường chuyên
Anh văn | môn Anh văn | môn tiếng Anh = tiếng Anh
giờ thể dục | môn thể dục = giáo dục thể chất
định hướng nghề | tư vấn chọn nghề = giáo dục hướng nghiệp
trí thông minh nhân tạo | máy học | chatbot = trí tuệ nhân tạo
thầy dạy đại học | cô dạy đại học = giảng viên
học đi với làm | học gắn với làm = học đi đôi với hành
học cả đời | học mãi = học tập suốt đời
bác sỹ = bác sĩ
người bán thuốc | dược sỹ = dược sĩ
đông y | thuốc nam | thuốc bắc | châm cứu = y học cổ truyền
tây y = y học hiện đại
gọi cấp cứu | xe cứu thương = cấp cứu ngoại viện
bệnh tâm lý | trầm cảm | bệnh thần kinh = sức khỏe tâm thần
bệnh lây | dịch bùng phát | bệnh truyền nhiễm = dịch bệnh
thực phẩm bẩn | thức ăn bẩn | vệ sinh thực phẩm = an toàn thực phẩm
bệnh án online | sổ khám điện tử = bệnh án điện tử | sổ sức khỏe điện tử
toa thuốc điện tử | toa thuốc online | đơn thuốc online = đơn thuốc điện tử
nhà máy thuốc | sản xuất thuốc = công nghiệp dược
máy y tế | dụng cụ y tế | máy móc bệnh viện = thiết bị y tế
bệnh viện tư | phòng khám tư = y tế tư nhân
đạo đức bác sĩ | đạo đức thầy thuốc | đạo đức nghề y = y đức
lương bác sĩ | lương khởi điểm bác sĩ = xếp lương từ bậc 2
khám miễn phí hằng năm | khám free = khám sàng lọc miễn phí | khám sức khỏe định kỳ
lương thấp | ít thu nhập = người có thu nhập thấp
người thiệt thòi = người yếu thế
bhyt = bảo hiểm y tế
tiền quỹ bảo hiểm | quỹ bhyt = Quỹ Bảo hiểm y tế
bảo hiểm tư | bảo hiểm mua thêm = bảo hiểm y tế bổ sung
cụ trên 75 | người trên 75 tuổi = người từ đủ 75 tuổi trở lên
bà bầu | phụ nữ mang thai | người có bầu = phụ nữ có thai
lương y như mẹ hiền = Lương y phải như từ mẫu
ngày 7/4 | ngày sức khỏe = Ngày Sức khỏe thế giới
ma túy | chất kích thích = chất gây nghiện
sức khỏe học sinh | y tế trường học = chăm sóc sức khỏe học đường
vắc xin | vaccine | vacxin = vắc-xin
chỗ nằm viện | giường nằm | giường nằm viện = giường bệnh
luật chồng luật | luật đá nhau | luật lằng nhằng = chồng chéo
chỗ tắc | chỗ vướng | chỗ kẹt = điểm nghẽn | vướng mắc
gỡ vướng | gỡ khó = tháo gỡ
bản dự thảo luật | dự luật = dự án luật
cài cắm lợi ích | chạy luật = lợi ích nhóm
tuyên truyền luật | dạy luật cho dân = phổ biến, giáo dục pháp luật
tư vấn luật miễn phí | luật sư miễn phí = trợ giúp pháp lý
nghị định thông tư | thông tư nghị định | văn bản dưới luật = văn bản quy phạm pháp luật
cơ chế riêng | cơ chế đặc biệt = cơ chế đặc thù
cứ cấm | cấm cho dễ = không quản được thì cấm
dân làm chủ = quyền làm chủ
nhân quyền = quyền con người
quyền của dân | quyền người dân = quyền công dân | quyền con người
bổn phận công dân | bổn phận của dân = nghĩa vụ công dân
cờ đỏ sao vàng | lá cờ đỏ = Quốc kỳ | ngôi sao vàng năm cánh
bài hát quốc gia | quốc thiều = Quốc ca
huy hiệu nước | biểu tượng quốc gia = Quốc huy
ngày 2 tháng 9 | mồng 2 tháng 9 | mùng 2 tháng 9 = Quốc khánh
đi lại tự do | tự do đi đây đi đó = tự do đi lại
xuống đường | đi biểu tình = biểu tình
bị đánh đập | đánh đập | bức cung = tra tấn
lục soát nhà | vào nhà không xin phép | lục nhà = khám xét chỗ ở
đọc trộm thư | nghe lén điện thoại | xem trộm tin nhắn = bí mật thư tín
chuyện riêng tư | riêng tư | đời tư = đời sống riêng tư
hiến tạng | cho nội tạng | hiến nội tạng = hiến mô
thử thuốc lên người | thí nghiệm trên người = thử nghiệm y học
nam nữ như nhau | bình đẳng nam nữ = bình đẳng giới
tuổi ra ứng cử | tuổi ứng cử | được ra ứng cử = quyền ứng cử
lấy ý dân | hỏi ý dân | dân bỏ phiếu quyết định = trưng cầu ý dân
đuổi ra nước ngoài | bị đuổi khỏi nước = trục xuất
bà nghị | đbqh | đại biểu quốc hội mình = đại biểu Quốc hội
người đứng đầu chính phủ = Thủ tướng Chính phủ
tòa tối cao | tòa án tối cao = Tòa án nhân dân tối cao
thi hành bản án | thực thi bản án = thi hành án
chính quyền online | nhà nước online | chính phủ online = chính phủ số | chính phủ điện tử
khu nhà máy | cụm nhà máy = khu công nghiệp
hàng lậu | chở hàng lậu = buôn lậu
chợ biên | buôn bán qua biên giới = khu kinh tế cửa khẩu
lính biên phòng | bộ đội biên phòng | trạm biên phòng = Đồn Biên phòng
cột mốc biên giới | mốc biên giới = mốc quốc giới
xã vùng biên | xã giáp biên | xã sát biên giới = xã biên giới
ông bà cha mẹ về già | người về già | người già yếu = người cao tuổi
trường ăn ở | trường cho ở lại | trường bao ăn ở = trường phổ thông nội trú | nội trú
nước mặn vào đồng | nhiễm mặn | mặn xâm nhập = xâm nhập mặn
biển dâng | nước biển lên = nước biển dâng
lở bờ biển | biển ăn vào bờ = sạt lở
hướng dẫn nông dân | chuyển giao kỹ thuật cho nông dân = khuyến nông
trồng rau | trồng hoa màu | trồng cây ăn trái = trồng trọt
rác nhựa | ni lông | túi ni lông = chất thải nhựa
hàng nông nghiệp | hàng nông sản = nông sản
làm hàng bán | sản xuất để bán = sản xuất hàng hoá
tỉnh có biển | tỉnh giáp biển = ven biển
đảo xa | ngoài đảo = hải đảo
điện gió | điện mặt trời = năng lượng tái tạo
"""


class Rewording(NamedTuple):
    """An everyday phrase a question uses, as typed, and the corpus's phrases for it."""

    typed: str
    formal: tuple[str, ...]  # in the question's form: without marks when it was typed without


def _parse(table: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    entries = []
    for line in table.strip().splitlines():
        left, _, right = line.partition("=")
        everyday = tuple(p.strip() for p in left.split("|") if p.strip())
        formal = tuple(p.strip() for p in right.split("|") if p.strip())
        if not everyday or not formal:
            raise ValueError(f"everyday table line {line!r}: expected 'everyday | … = formal | …'")
        entries.append((everyday, formal))
    return entries


_ENTRIES = _parse(_TABLE)
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=4096)
def _keys(phrase: str, toned: bool) -> tuple[str, ...]:
    """A phrase's syllables as term keys, with or without tone marks."""
    key = toned_key if toned else plain_key
    return tuple(key(w) for w in _WORD.findall(nfc(phrase)))


@lru_cache(maxsize=2)
def _phrase_index(toned: bool) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Everyday phrase (as term keys) → the formal phrases of every line it appears on."""
    index: dict[tuple[str, ...], list[str]] = {}
    for everyday, formal in _ENTRIES:
        for phrase in everyday:
            keys = _keys(phrase, toned)
            # Without marks a lone syllable or a pair of function words is too ambiguous: "hang" is
            # "hãng" and "hàng", "la co" is "lá cờ" and "là có".
            if not toned and (len(keys) < 2 or set(keys) <= STOPWORDS_PLAIN):
                continue
            targets = index.setdefault(keys, [])
            targets.extend(f for f in formal if f not in targets)
    return {k: tuple(v) for k, v in index.items()}


def _corpus_writes(phrase: str, vocabulary: Vocabulary) -> bool:
    keys = _keys(phrase, True)
    return all(k in vocabulary.toned for k in keys) and all(
        pair in vocabulary.bigrams for pair in zip(keys, keys[1:], strict=False))


@lru_cache(maxsize=2)
def _longest_phrase(toned: bool) -> int:
    return max(map(len, _phrase_index(toned)))


def _longest_at(keys: list[str], i: int, toned: bool) -> int:
    """Length of the longest everyday phrase starting at keys[i] (0 when none does)."""
    index = _phrase_index(toned)
    for size in range(min(_longest_phrase(toned), len(keys) - i), 0, -1):
        if tuple(keys[i : i + size]) in index:
            return size
    return 0


def rewordings(text: str, toned: bool, vocabulary: Vocabulary) -> list[Rewording]:
    """The everyday phrases in `text` (longest first, never overlapping) with the formal phrases the
    corpus writes for them; phrases the question already uses are not offered again."""
    index = _phrase_index(toned)
    words = _WORD.findall(text)
    keys = [toned_key(w) if toned else plain_key(w) for w in words]
    present = set(keys)
    found: list[Rewording] = []
    i = 0
    while i < len(keys):
        size = _longest_at(keys, i, toned)
        if not size:
            i += 1
            continue
        offered = tuple(formal if toned else without_marks(formal)
                        for formal in index[tuple(keys[i : i + size])]
                        if not set(_keys(formal, toned)) <= present and _corpus_writes(formal, vocabulary))
        if offered:
            found.append(Rewording(" ".join(words[i : i + size]), offered))
        i += size
    return found


def search_text(text: str, found: Sequence[Rewording]) -> str:
    """The question with every formal phrase appended: what the lexical channel searches with.

    >>> search_text("người làm ruộng được gì?", [Rewording("người làm ruộng", ("nông dân",))])
    'người làm ruộng được gì? nông dân'
    """
    extra = [formal for r in found for formal in r.formal]
    return " ".join([text, *extra]) if extra else text


def variants(text: str, found: Sequence[Rewording], most: int = 12) -> list[str]:
    """The question as typed, then with its everyday phrases in the documents' words (every choice of
    one phrase per rewording, up to `most` texts): the coverage check keeps the best.

    >>> variants("tiền đâu ra để làm ruộng", [Rewording("tiền đâu ra", ("nguồn vốn", "kinh phí"))])
    ['tiền đâu ra để làm ruộng', 'nguồn vốn để làm ruộng', 'kinh phí để làm ruộng']
    """
    out = [text]
    if not found:
        return out
    choices = [(r.typed, *r.formal) for r in found]
    for combination in itertools.islice(itertools.product(*choices), 1, None):
        variant = text
        for r, chosen in zip(found, combination, strict=True):
            if chosen != r.typed:
                variant = variant.replace(r.typed, chosen, 1)
        out.append(variant)
        if len(out) == most:
            break
    return out
