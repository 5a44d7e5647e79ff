"""Concurrent saves against a running server: N pairs of saves sent at the same instant, the
errors counted.

In each pair the operator of Kencong saves the realisasi grid of 2025 (Tahunan) and the camat
of Kencong saves the narratives of 2025, both released together by a barrier; each save is a
real form POST (CSRF token and the page's fingerprint taken from a fresh GET). An answer of
500 or above, or no answer, is an error; a save refused as stale is the correct answer to a
conflict, not an error, and is counted apart.

    make run   # or: DATABASE_URL=sqlite:///… python manage.py runserver 127.0.0.1:8000
    .venv/bin/python bench/serentak.py --pasangan 200 [--url http://127.0.0.1:8000]

Loopback only (the server must be this machine), at most 1000 pairs and a bounded time per
request. It writes the demo data it saves (realisasi values and narrative texts of Kencong
2025): run it on a copy of the demo database, never on real data. Standard library only.
"""

import argparse
import http.cookiejar
import ipaddress
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

KATA_SANDI_DEMO = "demo-sakip-2025"
BATAS_PASANGAN = 1000
BATAS_DETIK = 30
HALAMAN = {
    "operator.kencong": "/kecamatan/kencong/realisasi/2025/tahunan/",
    "camat.kencong": "/kecamatan/kencong/narasi/2025/",
}


class Formulir(HTMLParser):
    """The POST forms of a page, each as (action, [(name, value)], first text field)."""

    def __init__(self):
        super().__init__()
        self.formulir = []
        self._aktif = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self._aktif = {"action": a.get("action") or "", "isian": [], "ubah": None}
            return
        if self._aktif is None or not a.get("name") or "disabled" in a:
            return
        nama = a["name"]
        if tag == "input":
            jenis = (a.get("type") or "text").lower()
            if jenis in ("checkbox", "radio") and "checked" not in a:
                return
            if jenis in ("submit", "button", "file", "image", "reset"):
                return
            self._aktif["isian"].append([nama, a.get("value") or ""])
            if jenis == "text" and self._aktif["ubah"] is None and "readonly" not in a:
                self._aktif["ubah"] = len(self._aktif["isian"]) - 1
        elif tag == "textarea":
            self._textarea = [nama, ""]
        elif tag == "select":
            self._select = [nama, None]
        elif (
            tag == "option"
            and self._select is not None
            and ("selected" in a or self._select[1] is None)
        ):
            self._select[1] = a.get("value", "")

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if self._aktif is None:
            return
        if tag == "textarea" and self._textarea is not None:
            self._aktif["isian"].append(self._textarea)
            if self._aktif["ubah"] is None:
                self._aktif["ubah"] = len(self._aktif["isian"]) - 1
            self._textarea = None
        elif tag == "select" and self._select is not None:
            self._aktif["isian"].append([self._select[0], self._select[1] or ""])
            self._select = None
        elif tag == "form":
            self.formulir.append(self._aktif)
            self._aktif = None


class Sesi:
    def __init__(self, dasar: str, pengguna: str):
        self.dasar = dasar
        self.pengguna = pengguna
        self.toples = http.cookiejar.CookieJar()
        self.pembuka = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.toples))

    def minta(self, jalur: str, data: list | None = None) -> tuple[int, str]:
        url = urllib.parse.urljoin(self.dasar, jalur)
        badan = None
        if data is not None:
            badan = urllib.parse.urlencode([tuple(x) for x in data]).encode()
        permintaan = urllib.request.Request(url, data=badan, headers={"Referer": url})
        try:
            with self.pembuka.open(permintaan, timeout=BATAS_DETIK) as jawaban:
                return jawaban.status, jawaban.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")

    def formulir_terbesar(self, jalur: str) -> dict:
        status, isi = self.minta(jalur)
        if status != 200:
            raise SystemExit(f"{self.pengguna}: GET {jalur} menjawab {status}")
        pengurai = Formulir()
        pengurai.feed(isi)
        return max(pengurai.formulir, key=lambda f: len(f["isian"]))

    def masuk(self) -> None:
        form = self.formulir_terbesar("/masuk/")
        data = dict(form["isian"])
        data.update(username=self.pengguna, password=KATA_SANDI_DEMO)
        status, isi = self.minta("/masuk/", list(data.items()))
        if status != 200 or 'name="password"' in isi:
            raise SystemExit(f"{self.pengguna}: gagal masuk (akun demo, `buat_pengguna_demo`)")


def loopback(url: str) -> bool:
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        alamat = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror:
        return False
    return bool(alamat) and all(ipaddress.ip_address(a).is_loopback for a in alamat)


def siapkan(sesi: Sesi, ke: int) -> tuple[str, list]:
    """A fresh form of the user's page with one field changed (a number or a text)."""
    jalur = HALAMAN[sesi.pengguna]
    form = sesi.formulir_terbesar(jalur)
    isian = [list(x) for x in form["isian"]]
    if form["ubah"] is not None:
        nama, nilai = isian[form["ubah"]]
        if nama.endswith(("nilai", "realisasi")) or nilai.replace(",", "").isdigit():
            isian[form["ubah"]][1] = f"{90 + ke % 10},{ke % 100:02d}"
        else:
            isian[form["ubah"]][1] = f"Uji simpan serentak nomor {ke}."
    return form["action"] or jalur, isian


def sepasang(sesi: list[Sesi], siap: list[tuple[str, list]]) -> list[tuple[int, str]]:
    """Send every session's prepared save at the same instant (a barrier), in threads."""
    pagar = threading.Barrier(len(sesi))
    hasil: list[tuple[int, str]] = [(0, "")] * len(sesi)

    def kirim(i: int) -> None:
        jalur, data = siap[i]
        pagar.wait()
        try:
            hasil[i] = sesi[i].minta(jalur, data)
        except Exception as e:  # no answer at all (timeout, connection refused)
            hasil[i] = (599, f"{type(e).__name__}: {e}")

    utas = [threading.Thread(target=kirim, args=(i,)) for i in range(len(sesi))]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    return hasil


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--pasangan", type=int, default=200)
    args = parser.parse_args()
    if not loopback(args.url):
        print(f"Hanya server di mesin ini (loopback): {args.url}", file=sys.stderr)
        return 2
    if not 1 <= args.pasangan <= BATAS_PASANGAN:
        print(f"--pasangan antara 1 dan {BATAS_PASANGAN}", file=sys.stderr)
        return 2

    sesi = [Sesi(args.url, p) for p in HALAMAN]
    for s in sesi:
        s.masuk()

    galat, basi, berhasil, contoh = 0, 0, 0, {}
    mulai = time.monotonic()
    for ke in range(args.pasangan):
        siap = [siapkan(s, ke) for s in sesi]
        for status, isi in sepasang(sesi, siap):
            if status >= 500:
                galat += 1
                contoh.setdefault(status, isi[:200])
            elif "usang" in isi:
                basi += 1
            else:
                berhasil += 1
    detik = time.monotonic() - mulai

    print(f"server            {args.url}")
    print(f"pasangan          {args.pasangan} ({2 * args.pasangan} simpan)")
    print(f"berhasil          {berhasil}")
    print(f"ditolak usang     {basi}")
    print(f"galat (>= 500)    {galat}")
    print(f"waktu             {detik:.1f} s")
    for status, isi in contoh.items():
        print(f"  contoh {status}: {' '.join(isi.split())[:160]}")
    return 1 if galat else 0


if __name__ == "__main__":
    sys.exit(main())
