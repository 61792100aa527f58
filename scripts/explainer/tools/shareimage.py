"""Draw the share image (Open Graph / Twitter card) once; the PNG is committed.

Material's social plugin would draw one per page, but it downloads fonts at
build time and this site makes no request to other origins, so the image is
static and bilingual: one for every page of both editions.

Pillow is not a project dependency. To redraw the image:

    python3 -m venv /tmp/pillow && /tmp/pillow/bin/pip install pillow
    /tmp/pillow/bin/python scripts/shareimage.py

The font is DejaVu Sans from Debian's `fonts-dejavu-core` package
(/usr/share/fonts/truetype/dejavu/, Bitstream Vera licence); no font file is
committed, only the image drawn with it.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / ".overrides" / "assets" / "images" / "share.png"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
SIZE = (1200, 630)  # what Open Graph and summary_large_image cards expect
INDIGO, WHITE, PALE = (63, 81, 181), (255, 255, 255), (197, 202, 233)  # the theme's primary colour

LINES = [
    # (text, font file, size, colour, space above)
    ("EXPLAINER · DÉCRYPTAGE", "DejaVuSans-Bold.ttf", 30, PALE, 0),
    ("Russia–North Korea", "DejaVuSans-Bold.ttf", 82, WHITE, 40),
    ("pact explained", "DejaVuSans-Bold.ttf", 82, WHITE, 8),
    ("Le pacte Russie–Corée du Nord expliqué", "DejaVuSans.ttf", 44, PALE, 36),
    ("Mutual-defence treaty · Traité de défense mutuelle", "DejaVuSans.ttf", 32, WHITE, 70),
    ("Pyongyang, 19 June 2024 · 19 juin 2024", "DejaVuSans.ttf", 32, WHITE, 10),
]


def draw() -> Image.Image:
    image = Image.new("RGB", SIZE, INDIGO)
    pen = ImageDraw.Draw(image)
    x, y = 80, 70
    pen.rectangle((0, 0, 16, SIZE[1]), fill=WHITE)  # a plain accent bar, no logo to license
    for text, font_file, size, colour, above in LINES:
        font = ImageFont.truetype(str(FONTS / font_file), size)
        y += above
        pen.text((x, y), text, font=font, fill=colour)
        box = pen.textbbox((x, y), text, font=font)
        assert box[2] <= SIZE[0] - 60, f"{text!r} is too wide for the image"
        y = box[3]
    return image


def main() -> None:
    # Few colours: a palette PNG stays far below the 100 KB the tests allow.
    draw().quantize(colors=32).save(OUT, optimize=True)
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
