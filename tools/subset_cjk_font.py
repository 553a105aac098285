"""Make resources/fonts/WenQuanYiMicroHei-GB2312.ttf: the bundled CJK font for PDFs.

WenQuanYi Micro Hei (Apache-2.0; Debian package fonts-wqy-microhei) cut down to
GB2312 (the 6,763 common simplified characters), ASCII, Latin-1, general and CJK
punctuation and full-width forms, without hinting, so the repository stays small and
every quote prints its Chinese as text on a machine with no CJK font installed.

    apt-get install fonts-wqy-microhei
    .venv/bin/python tools/subset_cjk_font.py [SOURCE.ttc]
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
TARGET = Path(__file__).resolve().parent.parent / "resources/fonts/WenQuanYiMicroHei-GB2312.ttf"


def gb2312() -> set[int]:
    points = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                points.add(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return points


def wanted() -> set[int]:
    ranges = [
        (0x20, 0x7E),
        (0xA0, 0xFF),
        (0x2000, 0x206F),
        (0x20A0, 0x20CF),
        (0x2100, 0x214F),
        (0x2460, 0x24FF),
        (0x3000, 0x303F),
        (0xFF00, 0xFFEF),
    ]
    points = gb2312()
    for start, end in ranges:
        points.update(range(start, end + 1))
    return points


def main() -> int:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    font = TTCollection(str(source)).fonts[0]  # WenQuanYi Micro Hei (not the Mono)
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["vhea", "vmtx", "FFTM"]
    options.layout_features = []  # no vertical forms etc.: horizontal text only
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted())
    subsetter.subset(font)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(TARGET))
    print(f"{TARGET}: {TARGET.stat().st_size // 1024} KiB, {len(font.getGlyphOrder())} glyphs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
