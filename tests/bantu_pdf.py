"""Reading the printed documents the way a reader does: the text of each PDF page (pypdf),
and the "Unduh PDF" button followed to the file."""

from io import BytesIO

from pypdf import PdfReader

from laporan.models import DokumenPDF


def halaman_pdf(isi: bytes) -> list[str]:
    """The text of each page, whitespace collapsed (a table cell wraps its lines)."""
    return [" ".join(h.extract_text().split()) for h in PdfReader(BytesIO(isi)).pages]


def semua(halaman: list[str]) -> str:
    return " ".join(halaman)


def ikuti_sampai_pdf(client, respons):
    """Follow "Unduh PDF" to the file: straight to the download when the document was
    rendered at once, else through its status page and the link it shows when done."""
    while respons.status_code == 302:
        respons = client.get(respons.url)
    if respons["Content-Type"].startswith("text/html"):
        dokumen = respons.context["dokumen"]
        assert dokumen.status == DokumenPDF.Status.SELESAI, dokumen.pesan
        assert respons.context["url_unduh"] in respons.content.decode()
        respons = client.get(respons.context["url_unduh"])
    return respons


def pastikan_disajikan_dari_berkas(client, url_pdf: str, unduh: str, *pengguna) -> None:
    """Asked again by each of ``pengguna`` with nothing changed, the stored file is served at
    once (redirected to ``unduh``) and no new document is made."""
    jumlah = DokumenPDF.objects.count()
    for p in pengguna:
        client.force_login(p)
        lagi = client.post(url_pdf, follow=True)
        assert lagi.status_code == 200
        assert lagi["Content-Type"] == "application/pdf"
        assert lagi.redirect_chain[-1][0] == unduh
    assert DokumenPDF.objects.count() == jumlah
