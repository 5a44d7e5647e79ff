"""The kabupaten's logo in the page header. MEDIA_ROOT is never served under a URL, so the
header carries a small copy inline (a PNG at most 64 px high as a data: URI, a few KB), made
once per stored file and kept in memory."""

import base64
import io
import os
from functools import lru_cache

from PIL import Image, UnidentifiedImageError

TINGGI = 64


@lru_cache(maxsize=32)
def _data_uri(path: str, mtime: float) -> str:
    try:
        with Image.open(path) as gambar:
            gambar.thumbnail((TINGGI * 4, TINGGI))
            keluar = io.BytesIO()
            gambar.convert("RGBA").save(keluar, format="PNG", optimize=True)
    except (OSError, UnidentifiedImageError, ValueError):
        return ""
    return "data:image/png;base64," + base64.b64encode(keluar.getvalue()).decode("ascii")


def logo_kepala(kabupaten) -> str:
    """A data: URI of the kabupaten's logo for the header, "" when it has none (or the stored
    file is missing or not an image)."""
    if kabupaten is None or not kabupaten.logo:
        return ""
    try:
        path = kabupaten.logo.path
        mtime = os.path.getmtime(path)
    except (OSError, NotImplementedError, ValueError):
        return ""
    return _data_uri(path, mtime)
