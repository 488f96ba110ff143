#!/usr/bin/env python3
"""Regenerates the decoder and bad-input fixtures in tests/data/ (they are committed; this script
documents how they were made). Run from the repository root."""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
PAGE = ("莘县燕塔街道干部帮包助脱贫\n\n"
        "为切实打赢脱贫攻坚战，高度重视贫困户帮包工作，燕塔街道为全街道156户贫困户每户都明确了帮包干部。\n\n"
        "（王运兰）\n")
TRAD = ("莘縣燕塔街道幹部幫包助脫貧\n\n"
        "為切實打贏脫貧攻堅戰，高度重視貧困戶幫包工作，燕塔街道為全街道156戶貧困戶每戶都明確了幫包幹部。\n\n"
        "（王運蘭）\n")


def write(rel, data):
    with open(os.path.join(HERE, rel), "wb") as f:
        f.write(data)


def png():
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


enc = "encodings/"
write(enc + "utf8.txt", PAGE.encode("utf-8"))
write(enc + "utf8_bom.txt", b"\xef\xbb\xbf" + PAGE.encode("utf-8"))
write(enc + "utf16le_bom.txt", b"\xff\xfe" + PAGE.encode("utf-16-le"))
write(enc + "utf16be_bom.txt", b"\xfe\xff" + PAGE.encode("utf-16-be"))
write(enc + "utf16le.txt", PAGE.encode("utf-16-le"))
write(enc + "utf16be.txt", PAGE.encode("utf-16-be"))
write(enc + "utf32le_bom.txt", b"\xff\xfe\x00\x00" + PAGE.encode("utf-32-le"))
write(enc + "utf32be_bom.txt", b"\x00\x00\xfe\xff" + PAGE.encode("utf-32-be"))
write(enc + "gb18030.txt", PAGE.encode("gb18030"))
write(enc + "gbk_crlf.txt", PAGE.replace("\n", "\r\n").encode("gbk"))
write(enc + "big5.txt", TRAD.encode("big5"))
write(enc + "short_gb18030.txt", "扶贫".encode("gb18030"))
write(enc + "short_big5.txt", "掃黑除惡".encode("big5"))
write(enc + "short_utf16le.txt", "创城\n".encode("utf-16-le"))

bad = "bad/"
write(bad + "image.png", png())
write(bad + "document.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
write(bad + "archive.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)))
write(bad + "empty.txt", b"")
write(bad + "whitespace.txt", " \r\n\t\n\u3000\u3000\n\u00a0\n".encode("utf-8"))
write(bad + "nul_bytes.txt", "扶贫工作".encode("utf-8") + b"\x00\x00\x07\x00\x01\x02" + "脱贫".encode("utf-8"))
write(bad + "mixed_encodings.txt", "扶贫工作开展得很好，贫困户脱贫了。\n".encode("utf-8")
      + "扫黑除恶专项斗争深入推进。\n".encode("gb18030"))
write(bad + "page.html", ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>扶贫</title></head>\n"
                          "<body><p>莘县燕塔街道干部帮包助脱贫</p></body></html>\n").encode("utf-8"))
write(bad + "not_chinese_bytes.txt", bytes([0x81, 0x20, 0xFF, 0xFE, 0x80, 0x30]) * 20)
