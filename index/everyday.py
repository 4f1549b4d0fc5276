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
# "tuổi nghỉ". The lines after "năng lượng tái tạo" were written by a second helper, with the same
# brief and the same constraints (docs/quality.md).
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
sống lâu | sống thọ | tuổi đời = tuổi thọ
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
bệnh viện tuyến trên | bệnh viện đầu ngành | bệnh viện lớn nhất tỉnh = bệnh viện cấp chuyên sâu | y tế chuyên sâu
bệnh viện người già | bệnh viện cho người già | khoa người già = bệnh viện lão khoa | chuyên khoa lão khoa
viện dưỡng lão | nhà dưỡng lão | trại dưỡng lão | chỗ chăm người già = cơ sở chăm sóc người cao tuổi
bác sĩ gia đình | bác sỹ gia đình = y học gia đình
khám trước khi cưới | khám tiền hôn nhân | khám trước hôn nhân = khám sức khỏe trước khi kết hôn
khám thai | sàng lọc thai | siêu âm thai = khám sàng lọc trước sinh
ra nước ngoài chữa bệnh | sang nước ngoài chữa bệnh = người dân ra nước ngoài chữa bệnh | du lịch chữa bệnh
đi nước ngoài chữa bệnh | du lịch y tế = người dân ra nước ngoài chữa bệnh | du lịch chữa bệnh
đưa bác sĩ về xã = bác sĩ về làm việc có thời hạn tại trạm y tế cấp xã | luân phiên, luân chuyển, điều động
bác sĩ về xã = bác sĩ về làm việc có thời hạn tại trạm y tế cấp xã | luân phiên, luân chuyển, điều động
bác sĩ về cơ sở = bác sĩ về làm việc có thời hạn tại trạm y tế cấp xã | luân phiên, luân chuyển, điều động
bác sĩ luân phiên = bác sĩ về làm việc có thời hạn tại trạm y tế cấp xã | luân phiên, luân chuyển, điều động
phụ cấp bác sĩ | phụ cấp ngành y | phụ cấp y tế | phụ cấp nhân viên y tế = phụ cấp ưu đãi nghề
trường y | trường y dược | đại học y | học ngành y = cơ sở đào tạo lĩnh vực sức khỏe | khối ngành sức khỏe
đánh bác sĩ | hành hung bác sĩ | hành hung nhân viên y tế = xâm hại nhân viên y tế
thái độ bác sĩ | bác sĩ cáu gắt | thái độ nhân viên y tế | thái độ với bệnh nhân = thái độ phục vụ | y đức
bệnh nhân hài lòng | người bệnh vừa lòng = sự hài lòng của người bệnh
bệnh dịch mới | dịch bệnh mới = bệnh mới nổi | bệnh mới nổi và tái nổi
bảo hiểm thương mại | bảo hiểm của công ty bảo hiểm = bảo hiểm sức khỏe | bảo hiểm y tế bổ sung
mua thêm bảo hiểm sức khỏe = bảo hiểm sức khỏe | bảo hiểm y tế bổ sung
tăng tiền đóng bảo hiểm | tăng phí bảo hiểm | đóng bảo hiểm nhiều hơn = tăng mức đóng bảo hiểm y tế
bảo hiểm trả tiền | bảo hiểm chi trả | bảo hiểm thanh toán = Quỹ Bảo hiểm y tế chi trả | mức thanh toán
đỡ tiền viện | bớt tiền viện | gánh nặng tiền viện | đỡ tiền chữa bệnh = giảm gánh nặng tài chính cho người bệnh
số người có bảo hiểm | tỷ lệ có thẻ bảo hiểm | người có thẻ bảo hiểm = tỉ lệ tham gia bảo hiểm y tế
ai cũng có bảo hiểm | bảo hiểm cho mọi người | bảo hiểm toàn dân = bảo hiểm y tế toàn dân
trẻ còi xương | trẻ thấp còi | trẻ nhẹ cân | trẻ thiếu ăn = suy dinh dưỡng
bạo hành gia đình | chồng đánh vợ | đánh vợ | bạo hành trong nhà = bạo lực gia đình
sinh thêm con | khuyến khích sinh con | khuyến khích đẻ = gia tăng tỷ lệ sinh | mức sinh thay thế
chỗ nằm bệnh viện | số giường | giường viện = giường bệnh
miễn tiền đất | không tính tiền đất | miễn tiền thuê đất = không thu tiền sử dụng đất | giảm tiền thuê đất
không mất tiền đất = không thu tiền sử dụng đất | giảm tiền thuê đất
trụ sở bỏ trống | trụ sở thừa | trụ sở dư sau sáp nhập | nhà công bỏ không = trụ sở cơ quan nhà nước dôi dư
bệnh viện bộ | bệnh viện trung ương | bệnh viện của bộ = bệnh viện trực thuộc Bộ Y tế
bệnh viện huyện | trung tâm y tế huyện | y tế huyện = Trung tâm y tế khu vực
khám cho học sinh | khám sức khỏe học sinh = kiểm tra sức khỏe của học sinh | chăm sóc sức khỏe học đường
khám sức khỏe sinh viên = kiểm tra sức khỏe của học sinh | chăm sóc sức khỏe học đường
bữa ăn ở trường | cơm trường | suất ăn bán trú | bữa trưa ở trường = dinh dưỡng học đường
tụ điểm ma túy | ổ ma túy | điểm nóng ma túy = tụ điểm về tệ nạn ma túy
chăm sóc cả đời | chăm sóc từ lúc sinh đến lúc già = chăm sóc sức khỏe theo vòng đời | theo vòng đời
theo dõi sức khỏe suốt đời = chăm sóc sức khỏe theo vòng đời | theo vòng đời
tiền xe cấp cứu | phí xe cứu thương | tiền xe cứu thương = chi phí vận chuyển cấp cứu ngoại viện
tiêm phòng cho trẻ | tiêm miễn phí cho trẻ | tiêm chủng cho trẻ = Chương trình Tiêm chủng mở rộng
bệnh viện công | bệnh viện nhà nước | y tế nhà nước = cơ sở y tế công lập | y tế công
học hết cấp hai | bắt buộc học hết cấp hai | phổ cập cấp hai = giáo dục bắt buộc hết trung học cơ sở | trung học cơ sở
học hết cấp ba | tỷ lệ học hết cấp ba | học xong cấp ba = hoàn thành cấp trung học phổ thông | trung học phổ thông
phổ cập mẫu giáo | cho trẻ đi mẫu giáo | trẻ được đi mẫu giáo = phổ cập giáo dục mầm non
thiếu trường | thiếu lớp | thiếu phòng học | thiếu chỗ học = đủ trường, đủ lớp | trường lớp
thiếu giáo viên | thiếu thầy cô | thiếu cô giáo | thiếu thầy giáo = biên chế giáo viên | đủ giáo viên
nhà ở cho giáo viên | nhà tập thể giáo viên | chỗ ở cho giáo viên = nhà công vụ
môn tin | môn tin học | học máy tính | học vi tính = tin học
kỹ năng sống | kỹ năng làm việc nhóm | kỹ năng giao tiếp xã hội = kỹ năng mềm
dạy đạo đức | dạy làm người | dạy cách làm người | đạo đức học sinh = giáo dục đạo đức | nhân cách
văn hóa trường học | văn hóa trường | nề nếp trường học = văn hoá học đường
sính bằng cấp | chạy theo bằng cấp | chuộng bằng cấp | trọng bằng cấp = trọng danh vị | coi trọng bằng cấp hơn thực lực
bệnh thành tích | chạy theo thành tích | chạy thành tích = bệnh hình thức | tiêu cực trong giáo dục
gian lận thi cử | tiêu cực thi cử | quay cóp = tiêu cực trong giáo dục | đánh giá trung thực
kính thầy | trọng thầy | tôn trọng thầy cô | tôn sư trọng đạo = tôn vinh người thầy | danh dự người thầy
học online | học qua mạng | dạy online | dạy qua mạng = giáo dục số | học tập số
một bộ sách | thống nhất sách | sách dùng chung cả nước = một bộ sách giáo khoa thống nhất toàn quốc
phát sách miễn phí | cho không sách giáo khoa | tặng sách giáo khoa = cung cấp miễn phí sách giáo khoa
song ngữ | dạy bằng tiếng Anh | học bằng tiếng Anh = ngôn ngữ thứ hai | giảng dạy các môn học bằng tiếng Anh
thợ lành nghề | thợ giỏi | thợ tay nghề cao | tay nghề giỏi = người lao động tay nghề cao | kỹ năng nghề cao
học nghề bài bản | học nghề chính quy | học nghề tử tế = đào tạo nghề chất lượng cao | giáo dục nghề nghiệp
học nghề thay cấp ba | học nghề sau cấp hai | trung cấp nghề = trung học nghề | giáo dục nghề nghiệp
thực tập ở công ty | học ở xưởng = đào tạo tại doanh nghiệp | liên kết nhà trường - doanh nghiệp
vừa học vừa làm ở công ty = đào tạo tại doanh nghiệp | liên kết nhà trường - doanh nghiệp
người đã học nghề | lao động đã học nghề | lao động có nghề = lao động qua đào tạo
học tiến sĩ | làm tiến sĩ | học lên tiến sĩ = đào tạo tiến sĩ | nghiên cứu sinh
học thạc sĩ | học cao học | học sau đại học = đào tạo sau đại học
đại học top | trường đại học hàng đầu | đại học đẳng cấp = đại học tinh hoa | đại học nghiên cứu đẳng cấp quốc tế
trường tự quyết | tự chủ đại học | trường tự lo = quyền tự chủ | tự chủ tài chính
hiệu trưởng kiêm bí thư | hiệu trưởng là bí thư = bí thư cấp uỷ kiêm người đứng đầu cơ sở giáo dục
bí thư làm hiệu trưởng = bí thư cấp uỷ kiêm người đứng đầu cơ sở giáo dục
giáo sư nước ngoài | thầy nước ngoài = giảng viên giỏi từ nước ngoài | giảng viên xuất sắc từ nước ngoài
mời thầy ngoại = giảng viên giỏi từ nước ngoài | giảng viên xuất sắc từ nước ngoài
trường quốc tế = chương trình giáo dục có yếu tố nước ngoài | đầu tư nước ngoài trong lĩnh vực giáo dục
trường nước ngoài = chương trình giáo dục có yếu tố nước ngoài | đầu tư nước ngoài trong lĩnh vực giáo dục
trường có vốn nước ngoài = chương trình giáo dục có yếu tố nước ngoài | đầu tư nước ngoài trong lĩnh vực giáo dục
ngân sách giáo dục | tiền cho giáo dục | chi cho giáo dục = chi ngân sách nhà nước cho giáo dục và đào tạo
tiền đầu tư cho trường = chi ngân sách nhà nước cho giáo dục và đào tạo
bỏ học vì nghèo | nghỉ học vì thiếu tiền | bỏ học vì không có tiền = bỏ học vì điều kiện tài chính
ươm mầm tài năng | tìm người giỏi | bồi dưỡng học sinh giỏi = ươm tạo nhân tài | đào tạo tài năng
trường tạm | phòng học tạm | trường tranh tre | lớp học tạm = kiên cố hóa
trường vùng biên | trường biên giới = trường học cho các xã biên giới | trường nội trú liên cấp
trường cho xã biên giới = trường học cho các xã biên giới | trường nội trú liên cấp
nhà xa trường | đường đến trường xa = khoảng cách địa lý | nội trú, bán trú
trường dân tộc nội trú | trường dân tộc = trường phổ thông nội trú | vùng đồng bào dân tộc thiểu số
trường cho con em đồng bào = trường phổ thông nội trú | vùng đồng bào dân tộc thiểu số
toàn dân học tập | cả xã hội học | ai cũng đi học = xã hội học tập
đánh nhau ở trường | bắt nạt ở trường | học sinh đánh nhau | bắt nạt học đường = bạo lực học đường
thất nghiệp ở thành phố | thất nghiệp thành thị | người thành phố mất việc = tỷ lệ thất nghiệp khu vực thành thị
tạo thêm việc | tạo ra việc | có thêm việc | mở thêm chỗ làm = tạo việc làm | giải quyết việc làm
người làm nông nghiệp | dân làm nông | số người làm ruộng = lao động nông nghiệp | tỉ trọng lao động nông nghiệp
tăng lương | cải cách lương | chế độ lương | chính sách lương = chính sách tiền lương
lao động cưỡng bức | ép làm việc | bắt làm không công = cưỡng bức lao động
quan hệ chủ thợ | chủ với công nhân | chủ và thợ | chủ thuê lao động = quan hệ lao động | người sử dụng lao động
chủ sử dụng lao động = quan hệ lao động | người sử dụng lao động
chọn nghề | tự chọn nghề | quyền chọn nghề | quyền được đi làm = quyền làm việc, lựa chọn nghề nghiệp
nghỉ việc do sáp nhập | mất việc do sáp nhập | bị cho nghỉ do gộp | mất việc vì gộp tỉnh = nghỉ việc do sắp xếp
tiền cho người nghỉ việc | trả tiền cho người nghỉ | chi tiền cho người nghỉ = chi trả chế độ | nghỉ việc do sắp xếp
mức sống | cuộc sống người dân | đời sống người dân = đời sống nhân dân | chất lượng cuộc sống
nghèo nhiều mặt | nghèo đủ thứ | thiếu thốn nhiều mặt = nghèo đa chiều
xóa nghèo | thoát nghèo | hết nghèo | xóa đói = giảm nghèo bền vững | xoá đói, giảm nghèo
hết hộ nghèo | không còn nhà nghèo | không còn hộ nghèo = không có hộ nghèo
lưới an sinh | bảo trợ xã hội | trợ giúp xã hội = an sinh xã hội | phúc lợi xã hội
khoảng cách giàu nghèo | phân hóa giàu nghèo | chênh lệch giàu nghèo = tiến bộ và công bằng xã hội | công bằng xã hội
làm nhiều hưởng nhiều | làm bao nhiêu hưởng bấy nhiêu | chia theo công sức = phân phối chủ yếu theo kết quả lao động
làm giàu chính đáng | làm giàu đàng hoàng | làm giàu = làm giàu hợp pháp
thu nhập ở quê | thu nhập nông thôn | thu nhập người dân quê = thu nhập bình quân của người dân nông thôn
GDP đầu người | GDP mỗi người | thu nhập quốc dân đầu người = GDP bình quân đầu người
tài sản tư nhân | của cải tư nhân | đồ của tư nhân = quyền sở hữu tư nhân
sung công | tịch thu tài sản doanh nghiệp | nhà nước tịch thu công ty = quốc hữu hóa
kiếm được bao nhiêu | làm ra tiền | làm ra bao nhiêu tiền = thu nhập
trình độ dân | hiểu biết của dân | trình độ hiểu biết của dân = dân trí
chính sách với đồng bào | chính sách cho người dân tộc | chính sách đồng bào dân tộc = chính sách dân tộc
giá tiêu dùng | giá hàng tiêu dùng | giá cả sinh hoạt = chỉ số giá tiêu dùng
nhập nhiều hơn xuất | nhập khẩu nhiều hơn xuất khẩu | nhập quá nhiều = nhập siêu
giá trị xuất khẩu | doanh số xuất khẩu | tổng tiền xuất khẩu = kim ngạch xuất khẩu
thâm hụt ngân sách | ngân sách thiếu hụt | chi nhiều hơn thu | chi vượt thu = bội chi ngân sách
nợ nước ngoài | nợ của nhà nước | nhà nước nợ | vay nợ nhà nước = nợ công | nợ quốc gia | nợ chính phủ
thu chi nhà nước | chi tiêu nhà nước | tiêu tiền ngân sách = thu, chi ngân sách nhà nước | dự toán ngân sách nhà nước
kiểm tra sổ sách | soát sổ sách | kiểm tra tiền nong | soát chi tiêu = kiểm toán | Kiểm toán nhà nước
tiền của tỉnh | tiền địa phương | tỉnh tự chi | ngân sách tỉnh = ngân sách địa phương
tiền mất giá | đồng tiền mất giá | giữ giá tiền = ổn định giá trị đồng tiền quốc gia
tiết kiệm chi tiêu | ăn tiêu tiết kiệm | tiêu tiền tiết kiệm = thực hành tiết kiệm, chống lãng phí
tiền nhà nước đầu tư | vốn nhà nước bỏ ra | nhà nước bỏ vốn = đầu tư công
nhà nước và tư nhân cùng làm | công tư hợp tác | nhà nước với tư nhân góp vốn = hợp tác công tư | hợp tác công - tư
dự án tầm quốc gia | công trình lớn quốc gia = công trình trọng điểm quốc gia | dự án trọng điểm quốc gia
dự án lớn của nhà nước = công trình trọng điểm quốc gia | dự án trọng điểm quốc gia
khả năng cạnh tranh | cạnh tranh nổi | đọ sức với nước ngoài = năng lực cạnh tranh | sức cạnh tranh
kinh tế ổn định | giữ ổn định kinh tế | kinh tế vững vàng = ổn định kinh tế vĩ mô | kinh tế vĩ mô ổn định
cung cầu | quy luật cung cầu | luật chơi thị trường = quy luật thị trường | quy luật của kinh tế thị trường
cải cách kinh tế | cải tổ kinh tế | đổi mới kinh tế = Đổi Mới | đổi mới cơ chế quản lý kinh tế
thay đổi cách tăng trưởng | đổi cách làm kinh tế | kiểu tăng trưởng = đổi mới mô hình tăng trưởng
sắp xếp lại nền kinh tế | tái cơ cấu kinh tế | tái cấu trúc kinh tế = cơ cấu lại nền kinh tế
tỉnh với tỉnh hợp tác | các tỉnh liên kết | liên kết giữa các tỉnh = liên kết kinh tế vùng
tăng trưởng sạch | kinh tế xanh | phát triển xanh = tăng trưởng xanh
khu miễn thuế | khu tự do thương mại | vùng thương mại tự do = khu thương mại tự do
trung tâm tài chính | phố tài chính | đặc khu tài chính = trung tâm tài chính quốc tế
thanh toán không tiền mặt | quẹt thẻ | chuyển khoản | thanh toán qua điện thoại = giao dịch không dùng tiền mặt
thị trường đất | mua bán đất | buôn đất = thị trường quyền sử dụng đất
giải tỏa mặt bằng | đền bù giải tỏa | di dời giải tỏa | dọn mặt bằng = giải phóng mặt bằng | bồi thường
chuyển mục đích đất | đổi mục đích đất | chuyển đổi đất = chuyển đổi linh hoạt mục đích sử dụng đất
sang tên đất | bán đất | chuyển nhượng đất = chuyển quyền sử dụng đất
đất của ai | đất thuộc về ai | đất là của ai = sở hữu toàn dân
khoáng sản | khai thác mỏ | đào mỏ | mỏ khoáng sản = khai thác khoáng sản | tài nguyên khoáng sản
tư nhân bị cản trở | khó khăn của tư nhân | vướng mắc của tư nhân = rào cản kìm hãm | kinh tế tư nhân
chi phí làm ăn | tốn kém khi làm ăn | chi phí không chính thức = chi phí tuân thủ
khó vay vốn | khó vay tiền | khó vay ngân hàng | vay ngân hàng khó = tiếp cận nguồn lực | tín dụng
đại gia tư nhân | tập đoàn tư nhân lớn | tư nhân lớn = tập đoàn kinh tế tư nhân
ra biển lớn | vươn ra thế giới | làm ăn ra nước ngoài = vươn ra thị trường khu vực, thế giới | hội nhập kinh tế quốc tế
nhà nước nắm kinh tế | kinh tế quốc doanh giữ vai trò chính = kinh tế nhà nước giữ vai trò chủ đạo
vai trò kinh tế nhà nước = kinh tế nhà nước giữ vai trò chủ đạo
hợp tác xã | tổ hợp tác | kinh tế hợp tác xã = kinh tế tập thể
tư nhân được đối xử như nhà nước = sự bình đẳng giữa các doanh nghiệp | thành phần kinh tế bình đẳng
đối xử công bằng với tư nhân = sự bình đẳng giữa các doanh nghiệp | thành phần kinh tế bình đẳng
bình đẳng giữa công ty = sự bình đẳng giữa các doanh nghiệp | thành phần kinh tế bình đẳng
tư nhân là đầu tàu | tư nhân là động lực | vai trò của tư nhân = một động lực quan trọng nhất của nền kinh tế quốc gia
môi trường làm ăn | môi trường kinh doanh = môi trường đầu tư kinh doanh | môi trường đầu tư, kinh doanh
không khí làm ăn = môi trường đầu tư kinh doanh | môi trường đầu tư, kinh doanh
giấy phép con | cắt giấy phép con | bỏ giấy phép con = điều kiện đầu tư, kinh doanh | cắt giảm, đơn giản hóa
tranh chấp hợp đồng | kiện nhau làm ăn | tranh chấp làm ăn = tranh chấp dân sự, kinh tế | trọng tài thương mại
hòa giải ngoài tòa | giải quyết ngoài tòa | không ra tòa = giải quyết tranh chấp ngoài tòa án | hòa giải thương mại
hạch sách | làm khó dân | hách dịch | vòi vĩnh = quan liêu, hách dịch, cửa quyền
đá bóng trách nhiệm | né việc | sợ trách nhiệm | đùn việc = đùn đẩy, né tránh trách nhiệm
làm cho có | làm lấy lệ | làm việc chiếu lệ | làm việc lơ là = làm việc cầm chừng
cậy quyền | lộng quyền | lợi dụng chức vụ | lạm dụng chức quyền = lạm quyền | trục lợi
kiếm chác | xà xẻo | ăn chặn = trục lợi | trục lợi chính sách
bẻ cong chính sách | vận động hành lang = hướng lái chính sách | lợi ích nhóm
tư tưởng địa phương | địa phương chủ nghĩa | kéo bè kéo cánh | bè cánh = cục bộ địa phương | bè phái
chạy chức | chạy chọt | chạy ghế | chạy quyền = tác động, can thiệp | tiêu cực
đốt lò | chống tham nhũng | chiến dịch đốt lò = phòng, chống tham nhũng | phòng, chống tham nhũng, lãng phí, tiêu cực
nhốt quyền lực vào lồng | giám sát quyền lực | hạn chế quyền lực = kiểm soát quyền lực
tiền cho nghiên cứu | kinh phí nghiên cứu | chi nghiên cứu = kinh phí chi cho nghiên cứu phát triển | R&D
tiền làm nghiên cứu = kinh phí chi cho nghiên cứu phát triển | R&D
bài báo khoa học | bài báo quốc tế | đăng bài quốc tế | bài báo ISI = công bố khoa học quốc tế
đăng ký phát minh | đăng ký bằng sáng chế | xin bằng sáng chế = đơn đăng ký sáng chế | văn bằng bảo hộ sáng chế
bằng phát minh = đơn đăng ký sáng chế | văn bằng bảo hộ sáng chế
công nghệ lõi | công nghệ then chốt | công nghệ mũi nhọn = công nghệ chiến lược
cáp quang | internet tốc độ cao | mạng tốc độ cao = mạng cáp quang băng thông rộng | băng thông rộng
điện sạch | điện xanh | nguồn điện sạch = năng lượng sạch | năng lượng tái tạo
data center | máy chủ dữ liệu | trung tâm máy chủ = trung tâm dữ liệu
dữ liệu dân cư | kho dữ liệu quốc gia | dữ liệu chung cả nước = cơ sở dữ liệu quốc gia
lộ dữ liệu | lộ thông tin cá nhân | bảo mật dữ liệu | rò rỉ dữ liệu = bảo vệ dữ liệu | an ninh dữ liệu
ứng dụng định danh | app định danh | định danh trên điện thoại = VNeID
góp ý qua app | góp ý qua điện thoại | góp ý online = lấy ý kiến nhân dân trên ứng dụng VNeID
số hóa giấy tờ | scan tài liệu | chuyển giấy tờ sang file | scan hồ sơ = số hoá tài liệu
kỹ năng số | biết dùng công nghệ | biết dùng máy vi tính = năng lực số | chuẩn năng lực số
sandbox | thử nghiệm có kiểm soát | cơ chế thử nghiệm = cơ chế thử nghiệm chính sách
tụt lại phía sau | bị bỏ lại phía sau | thua kém nước khác = nguy cơ tụt hậu
nhảy vọt | cất cánh | phát triển vượt bậc = phát triển bứt phá
công nghệ phần mềm | ngành công nghệ thông tin | ngành IT = công nghiệp công nghệ số | công nghệ thông tin
thành phố thông minh | quận thông minh = đô thị thông minh
luật khung | luật ống | luật chung chung = những vấn đề khung | những vấn đề có tính nguyên tắc
chờ nghị định hướng dẫn | thông tư hướng dẫn | văn bản hướng dẫn luật = văn bản hướng dẫn thi hành
luật khó hiểu | hiểu luật thế nào | giải thích luật = giải thích pháp luật | hướng dẫn áp dụng pháp luật
góp ý dự luật | dân góp ý luật | góp ý luật = lấy ý kiến | tiếp thu, giải trình ý kiến góp ý | dự án luật
ý thức chấp hành luật | ý thức tôn trọng luật | thói quen theo luật | sống theo luật = văn hóa tuân thủ pháp luật
luật trên hết | đặt luật lên trên | coi trọng hiến pháp = thượng tôn Hiến pháp và pháp luật
chưa có luật | luật cho cái mới | khoảng trống pháp lý | lỗ hổng luật = hành lang pháp lý | khuôn khổ pháp lý
tiền làm luật | kinh phí làm luật = chi cho công tác xây dựng pháp luật | Quỹ hỗ trợ xây dựng chính sách, pháp luật
ngân sách làm luật = chi cho công tác xây dựng pháp luật | Quỹ hỗ trợ xây dựng chính sách, pháp luật
chuyên gia luật | người soạn luật = nguồn nhân lực pháp luật | chuyên gia, nhà khoa học pháp lý | xây dựng pháp luật
người làm luật = nguồn nhân lực pháp luật | chuyên gia, nhà khoa học pháp lý | xây dựng pháp luật
xét xử nhanh | xử án nhanh | xử rút gọn = thủ tục tố tụng tư pháp rút gọn | thủ tục rút gọn
thủ tục tòa án | quy trình ra tòa | kiện tụng = tố tụng tư pháp
cải cách tòa án | cải cách ngành tòa án | cải cách ngành tư pháp = cải cách tư pháp
luật mâu thuẫn | luật vênh nhau | luật không khớp | luật không rõ ràng = chồng chéo, mâu thuẫn | chưa rõ ràng
bớt thủ tục | giảm thủ tục | cải cách thủ tục | đơn giản thủ tục = cải cách thủ tục hành chính | cắt giảm, đơn giản hóa
xử nặng | phạt thật nặng | trị thật nghiêm = xử lý nghiêm minh | xử lý nghiêm
vu khống | tố bậy | tố cáo sai sự thật | vu oan = vu khống, vu cáo
trù dập người tố cáo | trả thù người tố cáo | trù úm = trả thù người khiếu nại, tố cáo
ân xá | tha tù | được tha trước hạn = đặc xá | đại xá
thuê luật sư | mời luật sư | luật sư bào chữa = nhờ luật sư | quyền bào chữa
xử lại | xử vòng hai | kháng cáo = phúc thẩm | sơ thẩm, phúc thẩm
bị tạm giam | bị nhốt | bị tạm giữ = tạm giữ, tạm giam
quan tòa | ông tòa | bà tòa = Thẩm phán
bản án có hiệu lực | án đã tuyên | phải theo án = bản án, quyết định của Toà án nhân dân có hiệu lực pháp luật
bắt tội phạm | truy bắt tội phạm | trấn áp tội phạm = đấu tranh phòng, chống tội phạm
nhục mạ | xúc phạm danh dự | bôi nhọ = xúc phạm danh dự, nhân phẩm
báo chí tự do | nhà báo được tự do | tự do viết báo = tự do báo chí
quyền được biết | được biết thông tin | xem thông tin nhà nước = tiếp cận thông tin
xuất cảnh | đi nước ngoài | quyền đi nước ngoài = quyền ra nước ngoài | tự do đi lại và cư trú
khai báo tạm trú | đăng ký tạm trú | khai báo lưu trú = đăng ký lưu trú
xin quốc tịch | vào quốc tịch | bỏ quốc tịch | mất quốc tịch = nhập quốc tịch | thôi quốc tịch
sửa hiến pháp | thay hiến pháp | viết lại hiến pháp = sửa đổi Hiến pháp | sửa đổi, bổ sung một số điều của Hiến pháp
phổ thông đầu phiếu | bầu kín | bỏ phiếu bí mật = bỏ phiếu kín | phổ thông, bình đẳng, trực tiếp
người đi bầu | người bỏ phiếu | người có quyền bầu = cử tri | bầu cử
gặp cử tri | đại biểu gặp dân | đại biểu về gặp dân = chế độ tiếp xúc | cử tri
hỏi bộ trưởng | truy bộ trưởng | đặt câu hỏi với bộ trưởng = chất vấn
quốc hội họp | phiên họp quốc hội | quốc hội nhóm họp = kỳ họp Quốc hội
ubtvqh | thường vụ quốc hội = Ủy ban thường vụ Quốc hội
quyền làm luật | làm ra luật = quyền lập pháp
tam quyền phân lập | phân chia quyền lực = phân công, phối hợp, kiểm soát | quyền lập pháp, hành pháp, tư pháp
ba quyền tách bạch = phân công, phối hợp, kiểm soát | quyền lập pháp, hành pháp, tư pháp
vai trò của đảng | đảng cầm quyền | đảng lãnh đạo nhà nước = lực lượng lãnh đạo Nhà nước và xã hội | vai trò lãnh đạo
dân giám sát đảng | dân giám sát | dân kiểm tra đảng = chịu sự giám sát của Nhân dân
liên minh công nông = liên minh giữa giai cấp công nhân với giai cấp nông dân và đội ngũ trí thức
công nhân nông dân trí thức = liên minh giữa giai cấp công nhân với giai cấp nông dân và đội ngũ trí thức
liên minh công nông trí = liên minh giữa giai cấp công nhân với giai cấp nông dân và đội ngũ trí thức
đoàn kết toàn dân | khối đoàn kết | đoàn kết các dân tộc = đại đoàn kết toàn dân tộc | sức mạnh đại đoàn kết
phân biệt sắc tộc | kỳ thị sắc tộc | phân biệt dân tộc = kỳ thị, chia rẽ dân tộc
trọng nam khinh nữ | phân biệt nam nữ | phân biệt giới tính = phân biệt đối xử về giới | bình đẳng giới
không khí trong lành | sống trong môi trường sạch | môi trường sạch = môi trường trong lành
quyền lực thuộc về dân | dân là chủ = tất cả quyền lực nhà nước thuộc về Nhân dân | Nhân dân làm chủ
dân làm chủ đất nước = tất cả quyền lực nhà nước thuộc về Nhân dân | Nhân dân làm chủ
dân kiến nghị | dân góp ý chính sách | dân tham gia quản lý = tham gia quản lý nhà nước và xã hội | kiến nghị
đơn thư | gửi đơn | viết đơn | gửi đơn khiếu nại = khiếu nại, tố cáo
tiếp dân | tiếp công dân | nghe dân phản ánh | đối thoại với dân = tiếp nhận, lắng nghe phản ánh, kiến nghị | đối thoại
thường vụ tỉnh ủy | thường vụ thành ủy | thường vụ huyện ủy = ban thường vụ | ủy viên ban thường vụ
nhất thể hóa | bí thư kiêm chủ tịch | bí thư kiêm chủ tịch hội đồng = đồng thời là chủ tịch Hội đồng Nhân dân
nhất thể hóa | bí thư kiêm chủ tịch = bí thư (phó bí thư) cấp ủy đồng thời là chủ tịch Hội đồng Nhân dân
bí thư kiêm chủ tịch hội đồng = bí thư (phó bí thư) cấp ủy đồng thời là chủ tịch Hội đồng Nhân dân
giữ chức quá lâu | ngồi một chỗ quá lâu | giữ ghế lâu | làm bí thư quá lâu = giữ chức vụ quá 2 nhiệm kỳ liên tiếp
già trẻ kết hợp | ba thế hệ trong cấp ủy | già trung trẻ = cơ cấu ba độ tuổi
cán bộ dân tộc | người dân tộc trong cấp ủy = cán bộ người dân tộc thiểu số | cấp ủy viên là người dân tộc thiểu số
cán bộ người đồng bào = cán bộ người dân tộc thiểu số | cấp ủy viên là người dân tộc thiểu số
cán bộ giỏi công nghệ | cán bộ biết khoa học | cán bộ làm khoa học = cán bộ có trình độ khoa học, công nghệ
điều kiện vào cấp ủy | tiêu chuẩn vào cấp ủy | tiêu chuẩn ủy viên = tiêu chuẩn cấp ủy viên
còn bao lâu nữa nghỉ hưu | thời gian còn công tác | còn đủ thời gian làm việc = thời gian công tác | đủ tuổi nghỉ hưu
trọn một khóa | đủ một nhiệm kỳ | trọn nhiệm kỳ | làm đủ một khóa = trọn 1 nhiệm kỳ
quy hoạch cán bộ | người trong quy hoạch | nằm trong quy hoạch cán bộ = nguồn cán bộ tại chỗ trong quy hoạch
người tại chỗ | cán bộ tại chỗ | cán bộ người địa phương mình = nguồn nhân sự tại chỗ | nguồn cán bộ tại chỗ
thăng chức | lên chức | cất nhắc | được nâng chức = đề bạt | bổ nhiệm
bổ nhiệm lại | làm tiếp chức cũ | giữ lại chức cũ = tái bổ nhiệm
ubkt | ủy ban kiểm tra đảng | kiểm tra đảng = Ủy ban Kiểm tra
họp chi bộ | họp đảng | họp chi bộ hằng tháng = sinh hoạt chi bộ
điều cấm đảng viên | đảng viên không được làm gì | đảng viên bị cấm = những điều đảng viên không được làm
học và làm theo Bác | noi gương Bác = học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh
học tập theo gương Bác = học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh
làm trong sạch đảng | chấn chỉnh đảng | sửa sai trong đảng = xây dựng, chỉnh đốn Đảng | chỉnh đốn
đại hội toàn thể đảng viên | đại hội tất cả đảng viên = đại hội đảng viên
đoàn đi dự đại hội | đoàn dự đại hội cấp trên | đoàn của tỉnh đi dự đại hội = đoàn đại biểu dự đại hội
đại biểu tự nhiên | đại biểu không phải bầu | đại biểu mặc nhiên = đại biểu đương nhiên
chủ tọa đại hội | người điều khiển đại hội | ban chủ tọa = Đoàn Chủ tịch
xét tư cách đại biểu | kiểm tra tư cách đại biểu = Ban Thẩm tra tư cách đại biểu | thẩm tra tư cách đại biểu
soát tư cách đại biểu = Ban Thẩm tra tư cách đại biểu | thẩm tra tư cách đại biểu
đếm phiếu | ban đếm phiếu | tổ đếm phiếu = Ban Kiểm phiếu | kiểm phiếu
rút tên | xin rút | rút khỏi danh sách = xin rút khỏi danh sách ứng cử, đề cử
bầu trượt | thất cử | rớt cử = không trúng cử
ban nhân sự đại hội | nhóm lo nhân sự đại hội = Tiểu ban Nhân sự
cố vấn trung ương | ban cố vấn = Hội đồng Cố vấn
rời ghế | xin thôi chức | rút lui khỏi chức = từ chức
làm lãnh đạo suốt đời | giữ chức suốt đời | ngồi ghế suốt đời = lãnh tụ hết đời | lãnh đạo theo nhiệm kỳ
lớp lãnh đạo mới | thay thế hệ lãnh đạo | chuyển giao thế hệ = tập thể lãnh đạo khóa mới | ban lãnh đạo mới
thi đua lập công | thi đua chào mừng | thi đua lập thành tích = phong trào thi đua yêu nước | lập thành tích
kế hoạch thực hiện nghị quyết | kế hoạch triển khai nghị quyết = Chương trình hành động thực hiện nghị quyết
cụ thể hóa nghị quyết = Chương trình hành động thực hiện nghị quyết
làm theo nghị quyết | biến nghị quyết thành việc làm = đưa nghị quyết vào cuộc sống
thành viên cấp ủy | người trong cấp ủy | ủy viên cấp ủy = cấp ủy viên
cấp ủy bao nhiêu người | số người trong cấp ủy | cấp ủy mấy người = số lượng cấp ủy viên
thêm người vào cấp ủy | bổ sung cấp ủy | kiện toàn cấp ủy = kiện toàn, bổ sung cấp ủy viên
chưa bầu cấp ủy | hoãn bầu cấp ủy | chưa bầu ban chấp hành = chưa tiến hành bầu cấp ủy khóa mới | không bầu cấp ủy
đại hội kéo dài bao lâu | đại hội mấy ngày | đại hội trong bao lâu = thời gian tiến hành đại hội
tuổi vào cấp ủy | tuổi tham gia ban chấp hành | tuổi tham gia cấp ủy = độ tuổi tham gia cấp ủy
mốc tính tuổi | tính tuổi từ lúc nào | ngày tính tuổi = thời điểm tính độ tuổi
cán bộ từ nơi khác đến = điều động nhân sự từ nơi khác | điều động, luân chuyển cán bộ từ nơi khác đến
điều người nơi khác về = điều động nhân sự từ nơi khác | điều động, luân chuyển cán bộ từ nơi khác đến
đưa người nơi khác về = điều động nhân sự từ nơi khác | điều động, luân chuyển cán bộ từ nơi khác đến
cán bộ làm sai | cán bộ sai phạm | xử lý cán bộ sai = xử lý các trường hợp vi phạm, sai phạm
góp ý văn kiện | góp ý cho văn kiện đại hội | góp ý dự thảo đại hội = đóng góp ý kiến vào dự thảo các văn kiện
hưu non | về hưu non | nghỉ hưu non = nghỉ hưu trước tuổi
sắp về hưu | gần tuổi hưu | sắp nghỉ hưu = đủ tuổi nghỉ hưu | thời gian công tác
làm thêm sau tuổi hưu | kéo dài tuổi làm việc | quá tuổi vẫn làm = kéo dài thời gian công tác
cán bộ diện trung ương quản lý | cán bộ do bộ chính trị quản lý = cán bộ diện Bộ Chính trị, Ban Bí thư quản lý
cán bộ cấp trung ương quản lý = cán bộ diện Bộ Chính trị, Ban Bí thư quản lý
giữ chân người giỏi | giữ người tài | giữ người có năng lực = giữ lại được người có trình độ, năng lực
đãi ngộ người tài | thu hút người giỏi | trả lương cao cho người giỏi = đãi ngộ nhân tài | sử dụng, đãi ngộ nhân tài
chảy máu chất xám | người giỏi bỏ đi | người giỏi ra nước ngoài = nhân tài | nhân lực chất lượng cao
tứ trụ | bốn lãnh đạo chủ chốt | các vị trí chủ chốt = lãnh đạo chủ chốt | các chức danh lãnh đạo chủ chốt
bộ máy cồng kềnh | bộ máy phình to | nhiều tầng nấc = cồng kềnh | tổ chức trung gian cồng kềnh
giẫm chân nhau | việc chồng việc = chồng chéo về chức năng, nhiệm vụ | chồng lấn, giao thoa nhiệm vụ
chồng chéo nhiệm vụ | dẫm chân nhau = chồng chéo về chức năng, nhiệm vụ | chồng lấn, giao thoa nhiệm vụ
địa phương tự làm | địa phương tự chịu trách nhiệm = địa phương quyết định, địa phương làm, địa phương chịu trách nhiệm
tỉnh tự quyết = địa phương quyết định, địa phương làm, địa phương chịu trách nhiệm
địa phương tự làm | địa phương tự chịu trách nhiệm = địa phương quyết, địa phương làm, địa phương chịu trách nhiệm
tự lo hậu quả | tự chịu hậu quả = địa phương chịu trách nhiệm
làm gấp | làm cho nhanh = khẩn trương
tỉnh tự quyết = địa phương quyết, địa phương làm, địa phương chịu trách nhiệm
quyền riêng của chủ tịch | chủ tịch tỉnh tự quyết | chủ tịch xã tự quyết = thẩm quyền riêng của chủ tịch uỷ ban nhân dân
sở ban ngành | các sở ngành | phòng ban của tỉnh = cơ quan chuyên môn thuộc UBND cấp tỉnh | sở chuyên ngành
cán bộ xã | công chức xã | người làm ở xã = cán bộ, công chức cấp xã | công chức xã, phường, đặc khu
xã sau gộp | xã sau sáp nhập | xã mới lập = cấp xã mới | xã, phường, đặc khu
chính quyền huyện | huyện cũ | ủy ban huyện = kết thúc hoạt động của chính quyền cấp huyện | cấp huyện
bỏ huyện ủy | xóa huyện ủy | huyện ủy giải thể = kết thúc hoạt động của đảng bộ cấp huyện
tòa án huyện | viện kiểm sát huyện | tòa huyện = hệ thống tòa án, viện kiểm sát ở địa phương
huyện đội | ban chỉ huy quân sự huyện | quân sự huyện = cơ quan quân sự cấp huyện
mất hồ sơ | thất lạc giấy tờ | lạc hồ sơ | hủy hồ sơ = thất lạc, làm mất hoặc tiêu huỷ tài liệu
trụ sở cũ | nhà làm việc cũ | xử lý trụ sở cũ = trụ sở cấp uỷ sau sắp xếp | tài sản nhà nước sau sắp xếp
bỏ công đoàn | giải thể công đoàn | không còn công đoàn = không lập tổ chức công đoàn
gộp hội | gộp đoàn thể | nhập các đoàn thể vào mặt trận | gộp các hội = sắp xếp lại các tổ chức chính trị - xã hội
gộp hội | gộp đoàn thể | nhập các đoàn thể vào mặt trận = trực thuộc Uỷ ban Trung ương Mặt trận Tổ quốc Việt Nam
gộp các hội = trực thuộc Uỷ ban Trung ương Mặt trận Tổ quốc Việt Nam
gộp báo | giảm báo | bớt tờ báo = cơ quan báo chí | tinh gọn tối đa
lộ bí mật | để lộ tài liệu | rò rỉ thông tin = lộ thông tin, tài liệu bí mật nhà nước | bảo vệ bí mật nhà nước
lộ tài liệu mật = lộ thông tin, tài liệu bí mật nhà nước | bảo vệ bí mật nhà nước
phát ngôn bừa bãi | nói năng tùy tiện | ăn nói tùy tiện = kỷ luật phát ngôn
thế lực thù địch | luận điệu xuyên tạc | xuyên tạc = quan điểm sai trái, thù địch
bàn ra tán vào | dân bàn tán | người ta bàn tán = dư luận xã hội
dân đồng tình | dân ủng hộ | được lòng dân = đồng thuận | tạo sự đồng thuận
cán bộ hoang mang | lo lắng của cán bộ | tâm tư cán bộ = công tác tư tưởng | công tác chính trị, tư tưởng
công an xã | công an phường | công an chính quy xã = Công an cấp xã
hỏi ý kiến dân địa phương | dân địa phương góp ý | dân có được hỏi = lấy ý kiến Nhân dân địa phương
tách tỉnh | chia tỉnh | tách xã | đổi ranh giới = điều chỉnh địa giới hành chính | nhập, chia
đặc khu kinh tế | khu hành chính kinh tế đặc biệt = đơn vị hành chính - kinh tế đặc biệt
thành phố trung ương | thành phố lớn loại đặc biệt = thành phố trực thuộc Trung ương
chỗ hỏi đáp vướng mắc | nơi giải đáp vướng mắc | đầu mối giải đáp = bộ phận thường trực | đầu mối phụ trách
xã nông thôn mới | xã đạt nông thôn mới | làng kiểu mới = xã đạt chuẩn nông thôn mới | nông thôn mới
đủ gạo ăn | an ninh lúa gạo | không thiếu gạo | đủ lương thực = an ninh lương thực
bán nông sản ra nước ngoài | xuất khẩu nông sản = xuất khẩu ngành nông nghiệp
đầu ra nông sản | đầu ra cho nông sản | được mùa mất giá | giá nông sản = tiếp cận thị trường | diễn biến thị trường
trồng để bán | làm nông theo thị trường | làm nông kiểu hàng hóa = tư duy sản xuất hàng hoá
tái cơ cấu nông nghiệp | đổi mới nông nghiệp | sắp xếp lại nông nghiệp = cơ cấu lại ngành | cơ cấu lại
nông dân làm chủ | nông dân là chính = nông dân là trung tâm, là chủ thể
phên dậu | rào giậu | tiền tiêu của tổ quốc = phên giậu
phủ xanh đồi trọc | trồng rừng mới | trồng thêm rừng = tỉ lệ che phủ rừng
chênh lệch thành thị nông thôn | khoảng cách thành thị nông thôn = chênh lệch lớn giữa các vùng miền
chênh lệch vùng miền = chênh lệch lớn giữa các vùng miền
nghề phụ ở quê | công nghiệp ở quê | dịch vụ ở quê = công nghiệp, dịch vụ nông thôn
dạy nghề cho nông dân | học nghề ở quê | đào tạo nghề nông thôn = đào tạo nghề | lao động nông thôn
nước sạch nông thôn | nước sạch cho dân quê | nước sạch ở quê = hộ gia đình nông thôn được sử dụng nước sạch
phá rừng | chặt phá rừng | đốt rừng làm rẫy | đốt nương = chặt phá và đốt cây khai hoang
cường quốc biển | nước mạnh về biển | quốc gia mạnh về biển = quốc gia biển mạnh
xói mòn bờ biển | bờ biển bị xói | biển lấn = xói lở bờ biển | sạt lở bờ biển | biển xâm thực
nước triều dâng | triều dâng cao = triều cường
đo ô nhiễm | theo dõi ô nhiễm | trạm đo môi trường = quan trắc, giám sát môi trường
rác biển | rác nhựa đại dương | nhựa trên biển | rác trên biển = chất thải nhựa đại dương
nước thải nhà máy | xả thải | xả nước bẩn = hệ thống xử lý nước thải tập trung | nước thải
nhà máy gây ô nhiễm | cơ sở xả thải bẩn | cơ sở ô nhiễm = cơ sở gây ô nhiễm môi trường nghiêm trọng
khảo sát biển | điều tra biển | đo đạc biển = điều tra cơ bản tài nguyên, môi trường biển
đảo có dân | đảo có người ở | dân sống trên đảo = đảo có người dân sinh sống
điện ra đảo | nước ngọt cho đảo | điện nước trên đảo = điện, nước ngọt | thông tin liên lạc
dân biên giới | người dân vùng biên | dân sống ở biên giới = cư dân biên giới | đồng bào vùng biên giới
đồng bào biên giới = cư dân biên giới | đồng bào vùng biên giới
sát đường biên | dải sát biên giới = vành đai biên giới
vượt biên | trốn qua biên giới | qua biên giới trái phép = vượt biên giới | vận chuyển hàng hóa trái phép qua biên giới
ngủ lại vùng biên | nghỉ đêm ở biên giới | ở lại đêm vùng biên = ở qua đêm
chụp ảnh vùng biên | quay phim vùng biên | chụp ảnh chỗ cấm = quay phim, chụp ảnh | vùng cấm
nước kề bên | nước giáp ranh | nước sát bên = nước láng giềng | các nước láng giềng
thỏa thuận biên giới | hiệp định biên giới | hiệp ước biên giới = hiệp định về quy chế biên giới
biên giới trên bộ | biên giới đường bộ = biên giới đất liền
hàng giả | hàng nhái | làm hàng giả = gian lận thương mại
trái đất nóng lên | nóng lên toàn cầu | thời tiết cực đoan = biến đổi khí hậu
nước bị ô nhiễm | sông ô nhiễm | ô nhiễm nước = ô nhiễm nguồn nước | bảo vệ môi trường
vắt kiệt tài nguyên | khai thác cạn kiệt | cạn kiệt tài nguyên = suy kiệt tài nguyên thiên nhiên
gây ô nhiễm phải đền | đền bù ô nhiễm | bồi thường ô nhiễm = khắc phục, bồi thường thiệt hại | gây ô nhiễm môi trường
phòng chống bão lũ | chống bão | chống lụt | phòng chống lũ lụt = phòng, chống thiên tai
sống chung với lũ | thích nghi với khí hậu | chống chịu khí hậu = thích ứng với biến đổi khí hậu
bản sắc văn hóa | giữ văn hóa truyền thống | văn hóa riêng của dân tộc = bản sắc dân tộc | đậm đà bản sắc dân tộc
tục lệ | lễ tục | phong tục cổ truyền = phong tục, tập quán
văn hóa thế giới | học hỏi văn hóa nước ngoài | cái hay của thế giới = tinh hoa văn hóa nhân loại
văn nghệ | làm thơ viết văn | sáng tác văn chương = văn học, nghệ thuật | sáng tạo văn học, nghệ thuật
công nghiệp giải trí | công nghiệp văn hóa | phim ảnh âm nhạc trên mạng = công nghiệp văn hoá số
lên sóng | phát sóng | giờ vàng | đài truyền hình = khung giờ thu hút đông đảo khán, thính giả | phát thanh, truyền hình
đài phát thanh = khung giờ thu hút đông đảo khán, thính giả | phát thanh, truyền hình
truyền thông đại chúng | phương tiện truyền thông | báo chí truyền hình = phương tiện thông tin đại chúng
tin chính thức | nguồn tin chính thức | tin của nhà nước = thông tin chính thống
tin độc hại | nội dung độc hại | tin bẩn trên mạng = thông tin xấu, độc hại
giao lưu nhân dân | ngoại giao nhân dân = đối ngoại nhân dân
gia đình êm ấm | gia đình êm đềm | xây dựng gia đình = gia đình Việt Nam ấm no, tiến bộ, hạnh phúc | gia đình hạnh phúc
lối nghĩ | cách nghĩ | lối nghĩ cũ | nếp nghĩ = tư duy | đổi mới tư duy
sống văn minh | lối sống văn minh | ăn ở văn minh = nếp sống văn minh
mong muốn đất nước giàu mạnh | ước mơ đất nước giàu | khát khao phát triển = khát vọng phát triển đất nước
dựa vào sức mình | tự lực cánh sinh | tự thân vận động | tự đứng trên đôi chân mình = tự lực, tự cường | tự chủ
toàn dân giữ nước | toàn dân đánh giặc | cả nước đánh giặc = nền quốc phòng toàn dân | an ninh nhân dân | bảo vệ Tổ quốc
quân đội hiện đại | quân đội tinh nhuệ | quân đội chính quy = chính quy, tinh nhuệ, từng bước hiện đại
an ninh trật tự | trật tự xã hội = trật tự, an toàn xã hội | an ninh chính trị
lính dự bị | quân dự bị | quân nhân dự bị = lực lượng dự bị động viên
du kích | tự vệ cơ quan = dân quân tự vệ
nhà máy quân sự | sản xuất vũ khí | làm vũ khí = công nghiệp quốc phòng
gia đình bộ đội | chăm lo gia đình bộ đội | gia đình quân nhân = chính sách hậu phương quân đội
thiết quân luật | ban bố khẩn cấp | tình trạng báo động = tình trạng khẩn cấp
tổng tư lệnh | chỉ huy tối cao quân đội = thống lĩnh lực lượng vũ trang nhân dân
phong tướng | thăng tướng | lên tướng = quân hàm cấp tướng
mũ nồi xanh | lính gìn giữ hòa bình | đi gìn giữ hòa bình = bảo vệ hòa bình ở khu vực và trên thế giới
giữ đất giữ biển | giữ chủ quyền | bảo vệ lãnh thổ = độc lập, chủ quyền, thống nhất, toàn vẹn lãnh thổ
mở cửa với thế giới | hòa nhập quốc tế | làm ăn với nước ngoài = hội nhập quốc tế | hội nhập kinh tế quốc tế
chính sách ngoại giao | đường lối ngoại giao | quan hệ với nước ngoài = đường lối đối ngoại | đối ngoại
làm bạn với tất cả | chơi với nhiều nước | quan hệ nhiều nước | đa phương = đa phương hóa, đa dạng hóa quan hệ
không xen vào chuyện nước khác | không can thiệp nội bộ = không can thiệp vào công việc nội bộ của nhau
LHQ | liên hiệp quốc = Liên hợp quốc
hiệp ước quốc tế | công ước quốc tế | thỏa thuận quốc tế = điều ước quốc tế
luật quốc tế | luật lệ quốc tế | luật chơi quốc tế = pháp luật quốc tế | thông lệ quốc tế
kiện ra quốc tế | tòa quốc tế | kiện quốc tế = giải quyết tranh chấp quốc tế | cơ quan tài phán quốc tế
hình ảnh đất nước | vị thế đất nước | uy tín đất nước = vị thế, uy tín quốc tế
báo nước ngoài | báo tây | truyền thông nước ngoài = truyền thông quốc tế | hãng tin
chia ruộng cho dân | ruộng cho dân cày | chia ruộng đất = người cày có ruộng | cải cách ruộng đất
chống Pháp | đánh Pháp | đuổi Pháp = kháng chiến chống thực dân Pháp
hội nghị thành lập đảng | họp thành lập đảng | ngày lập đảng = Hội nghị hợp nhất | thành lập Đảng Cộng sản Việt Nam
bỏ qua tư bản | không qua tư bản | đi thẳng lên cnxh = bỏ qua chế độ tư bản
viếng Bác | vào lăng | viếng lăng Bác = viếng lăng Chủ tịch Hồ Chí Minh
lời khai mạc | bài phát biểu khai mạc | phát biểu khai mạc = diễn văn khai mạc
lời bế mạc | bài phát biểu bế mạc | phát biểu bế mạc = diễn văn bế mạc
xem đại hội trên tivi | phát trực tiếp đại hội = truyền hình trực tiếp | phát sóng trực tuyến
truyền hình trực tiếp đại hội = truyền hình trực tiếp | phát sóng trực tuyến
cách bầu trong đảng | luật bầu trong đảng | quy định bầu cử trong đảng = Quy chế bầu cử trong Đảng
đoàn thanh niên | đoàn viên thanh niên | đoàn cộng sản = Đoàn thanh niên cộng sản Hồ Chí Minh | đoàn viên
hội phụ nữ | hội chị em | hội phụ nữ xã = Hội liên hiệp phụ nữ Việt Nam
cựu binh | hội cựu binh | người lính cũ = Hội cựu chiến binh Việt Nam
thị trường nước ngoài | bán ra ngoài nước | bán cho nước ngoài = xuất khẩu | thị trường quốc tế
so với các nước xung quanh | các nước xung quanh | các nước quanh mình = trong khu vực | khu vực
đứng đầu khu vực | đi đầu khu vực | dẫn đầu khu vực = tiên phong trong khu vực | dẫn đầu trong khu vực
chính thức chạy | bắt đầu chạy | cho chạy | bắt đầu hoạt động = đưa vào hoạt động | đi vào hoạt động
ngồi một chỗ lâu | ngồi lâu một chỗ | ngồi một ghế lâu = giữ chức vụ quá 2 nhiệm kỳ liên tiếp | luân chuyển
hai khóa liền | hai nhiệm kỳ liền | 2 khóa liền = nhiệm kỳ liên tiếp
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
