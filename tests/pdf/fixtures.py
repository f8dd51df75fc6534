"""Small PDFs written byte by byte for the bad-input tests: no PDF library is needed.

`pdf(objects)` lays out numbered objects, a cross-reference table and a trailer; the
helpers below make each kind of PDF the reader must refuse.
"""

from __future__ import annotations

import zlib


def pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF whose object n (1-based) is objects[n-1]; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        xref,
    )
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pdf(lines: list[str]) -> bytes:
    """One A4 page of ASCII text in Helvetica: a PDF with text that is no disclosure."""
    ops = b"BT /F1 12 Tf 72 770 Td 16 TL "
    for line in lines:
        ops += b"(" + line.encode("ascii") + b") Tj T* "
    ops += b"ET"
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            _stream(ops),
        ]
    )


def scanned_pdf(pages: int = 2) -> bytes:
    """Pages that are each one grey image and no text: what a scanner produces."""
    pixels = zlib.compress(bytes(range(64)) * 64)  # 64 x 64 grey
    image = _stream(
        pixels,
        b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode ",
    )
    content = _stream(b"q 500 0 0 700 40 70 cm /Im1 Do Q")
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        image,
        content,
    ]
    for _ in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /XObject << /Im1 3 0 R >> >> /Contents 4 0 R >>"
        )
    return pdf(objects)


def encrypted_pdf() -> bytes:
    """A PDF protected by a user password (standard security handler, RC4 40-bit): the
    empty password does not open it."""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <"
            + b"11" * 32
            + b"> /U <"
            + b"22" * 32
            + b"> >>",
        ],
        trailer=b"/Encrypt 4 0 R /ID [<" + b"ab" * 16 + b"> <" + b"ab" * 16 + b">] ",
    )


def corrupt_pdf() -> bytes:
    """A `%PDF` signature and an end marker with nothing readable between them."""
    return b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
