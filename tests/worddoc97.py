"""Write a real Word 97 binary .doc for the tests: no library writes the old format, and the tests
must not depend on files fetched from elsewhere.

The smallest file Word's readers accept: an OLE2 compound file (version 3, 512-byte sectors) with
a ``WordDocument`` stream (the FIB, then the text in UTF-16) and a ``1Table`` stream holding the
piece table (one Unicode piece). Layout per [MS-CFB] and [MS-DOC]; both streams are padded to
4096 bytes so no mini-stream is needed.
"""

from __future__ import annotations

import struct

SECTOR = 512
FREE, END, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def word97(text: str) -> bytes:
    """A minimal Word 97 .doc: an OLE2 file with a WordDocument stream (FIB + UTF-16 text) and a 1Table
    stream holding the piece table. Paragraphs end with "\\r" as in Word."""
    body = text.replace("\n", "\r")
    text_at = 0x800
    fib = bytearray(text_at)
    struct.pack_into("<HH", fib, 0, 0xA5EC, 0x00C1)  # wIdent, nFib (Word 97)
    struct.pack_into("<H", fib, 0x0A, 0x0200 | 0x1000)  # fWhichTblStm (1Table), fExtChar
    struct.pack_into("<II", fib, 0x18, text_at, text_at + 2 * len(body))  # fcMin, fcMac
    struct.pack_into("<H", fib, 0x20, 14)  # csw
    struct.pack_into("<H", fib, 0x3E, 22)  # cslw
    struct.pack_into("<I", fib, 0x4C, len(body))  # ccpText
    struct.pack_into("<H", fib, 0x98, 0x5D)  # cbRgFcLcb
    word = bytes(fib) + body.encode("utf-16-le")
    # Clx: one Pcdt holding a PlcPcd with one piece: CPs [0, n], Pcd (flags, fc, prm).
    plc = struct.pack("<II", 0, len(body)) + struct.pack("<HIH", 0, text_at, 0)
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    # Dop (document properties; dxaTab = 720 twips), PlcfSed (one section, no SEPX) and a style
    # sheet: antiword reads all three without checking that they exist, and crashes now and then.
    dop = bytearray(84)
    struct.pack_into("<H", dop, 0x0A, 720)
    sed = struct.pack("<III", 0, len(body) + 1, 0) + struct.pack("<IHI", 0xFFFFFFFF, 0, 0xFFFFFFFF)[:10]
    # Stshf: the STSHI (one style, 10-byte STD base) and one empty style record: the defaults.
    stshi = struct.pack("<HHHHHH", 1, 10, 1, 0, 0, 0) + bytes(6)
    stsh = struct.pack("<H", len(stshi)) + stshi + struct.pack("<H", 0)
    table = clx + bytes(dop) + sed + stsh
    word = bytearray(word)
    struct.pack_into("<II", word, 0xA2, len(clx) + len(dop) + len(sed), len(stsh))  # fcStshf, lcbStshf
    struct.pack_into("<II", word, 0x1A2, 0, len(clx))  # fcClx, lcbClx
    struct.pack_into("<II", word, 0x192, len(clx), len(dop))  # fcDop, lcbDop
    struct.pack_into("<II", word, 0xCA, len(clx) + len(dop), len(sed))  # fcPlcfsed, lcbPlcfsed
    streams = [("WordDocument", bytes(word).ljust(4096, b"\0")), ("1Table", table.ljust(4096, b"\0"))]
    return _cfb(streams)


def _cfb(streams: list[tuple[str, bytes]]) -> bytes:
    """A compound file (version 3, 512-byte sectors): FAT in sector 0, directory in 1, then the streams."""
    starts, sectors = [], []
    next_sector = 2
    for _, data in streams:
        count = -(-len(data) // SECTOR)
        starts.append(next_sector)
        sectors.append(count)
        next_sector += count
    fat = [FATSECT, END]
    for start, count in zip(starts, sectors, strict=True):
        fat += [start + i + 1 for i in range(count - 1)] + [END]
    fat += [FREE] * (SECTOR // 4 - len(fat))
    header = bytearray(SECTOR)
    header[:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 0x2C, 1, 1, 0, 4096, END, 0, END, 0)
    struct.pack_into("<I", header, 0x4C, 0)  # DIFAT[0]: the FAT is sector 0
    for i in range(1, 109):
        struct.pack_into("<I", header, 0x4C + 4 * i, FREE)

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1) +
                struct.pack("<iii", left, right, child) + bytes(16) + bytes(4) + bytes(16) +
                struct.pack("<II", start, size) + bytes(4))

    directory = entry("Root Entry", 5, -1, -1, 1, END, 0)
    directory += entry(streams[0][0], 2, -1, 2, -1, starts[0], len(streams[0][1]))
    directory += entry(streams[1][0], 2, -1, -1, -1, starts[1], len(streams[1][1]))
    directory += bytes(128)
    out = bytes(header) + struct.pack(f"<{SECTOR // 4}I", *fat) + directory
    for _, data in streams:
        out += data.ljust(-(-len(data) // SECTOR) * SECTOR, b"\0")
    return out
