"""The change history's rows written in Python (sakip.templatetags.sakip.baris_riwayat, issue
12) are the characters of the template loop they replaced: escaping, a line without a listed
change, several changes, the time in the local time zone and Indonesian month names, and the
lines of a realisasi period saved several times."""

from datetime import UTC, datetime

import pytest
from django.template import Context, Template

from perjanjian.models import PelaporanRealisasi, Realisasi
from sakip.riwayat import BarisRiwayat, Perubahan, riwayat
from sakip.templatetags.sakip import baris_riwayat

# The loop of templates/bagian/riwayat.html before baris_riwayat.
RIWAYAT_TEMPLATE = """{% for r in riwayat %}
      <tr>
        <td>{{ r.waktu|date:"j F Y, H.i" }}</td>
        <td>{{ r.pengguna }}</td>
        <td>{{ r.jenis }}: {{ r.objek }}</td>
        <td>{% for p in r.perubahan %}<div>{{ p.kolom }}: <del>{{ p.lama }}</del> → <ins>{{ p.baru }}</ins></div>{% empty %}–{% endfor %}</td>
      </tr>
    {% endfor %}"""  # noqa: E501


def templat(baris) -> str:
    return Template(RIWAYAT_TEMPLATE).render(Context({"riwayat": baris}))


BARIS = [
    BarisRiwayat(datetime(2025, 3, 1, 2, 5, tzinfo=UTC), "sistem", "Dibuat", "Realisasi IKM"),
    BarisRiwayat(
        datetime(2025, 12, 31, 23, 59, 30, tzinfo=UTC),
        'Operator "Kencong" <&>',
        "Diubah",
        "Realisasi <b>IKM</b> & IPP",
        [Perubahan("nilai", "–", "92,33"), Perubahan("catatan <sumber>", "a & b", '"c"')],
    ),
    BarisRiwayat(datetime(2026, 5, 9, 17, 0, tzinfo=UTC), "camat", "Dihapus", "Status", []),
    # The same minute as the line before, and a minute later (the time is written per minute).
    BarisRiwayat(datetime(2026, 5, 9, 17, 0, 59, 9, tzinfo=UTC), "camat", "Dibuat", "Status"),
    BarisRiwayat(datetime(2026, 5, 9, 17, 1, tzinfo=UTC), "camat", "Dibuat", "Status"),
]


@pytest.mark.parametrize("n", range(len(BARIS) + 1))
def test_baris_riwayat_sama_dengan_template(n):
    assert baris_riwayat(BARIS[:n]) == templat(BARIS[:n])


def test_riwayat_realisasi_kencong_sama_dengan_template(kencong, operator_kencong):
    r = Realisasi.objects.filter(kecamatan=kencong, tahun=2025).first()
    for nilai in ("1", "2.5", "3"):
        r.nilai, r.catatan_sumber = nilai, f"sumber <{nilai}>"
        r._history_user = operator_kencong
        r.save()
    baris = riwayat(
        (
            Realisasi.riwayat.filter(kecamatan=kencong).select_related("ukuran"),
            lambda c: f"Realisasi {c.ukuran.nama}",
        )
    )
    assert len(baris) >= 3
    ditulis = baris_riwayat(baris)
    assert ditulis == templat(baris)
    assert "sumber &lt;3&gt;" in ditulis


def test_riwayat_menyebut_nama_pengguna_dengan_kueri_tetap(
    kencong, operator_kencong, camat_kencong, django_assert_max_num_queries
):
    """Who made each change: the full name, else the username, "sistem" for a change made by
    no user; the names are read once for all sources, however many records there are."""
    camat_kencong.first_name, camat_kencong.last_name = "Ahmad", "Camat"
    camat_kencong.save()
    r = Realisasi.objects.filter(kecamatan=kencong, tahun=2025).first()
    for i, oleh in enumerate([operator_kencong, camat_kencong, None] * 10):
        r.nilai = str(10 + i)
        r._history_user = oleh
        r.save()
    pelaporan = PelaporanRealisasi.objects.create(
        kecamatan=kencong, tahun=2025, periode=r.periode, status="diajukan"
    )
    pelaporan.status = "draft"
    pelaporan._history_user = camat_kencong
    pelaporan.save()
    # two sources: each its records and their users' names (the second source's user is known)
    with django_assert_max_num_queries(3):
        baris = riwayat(
            Realisasi.riwayat.filter(id=r.id),
            PelaporanRealisasi.riwayat.filter(id=pelaporan.id),
        )
    oleh = [b.pengguna for b in baris if b.objek == "Realisasi indikator"]
    assert oleh[:4] == ["sistem", "Ahmad Camat", "operator.kencong", "sistem"]
    assert len(oleh) == 31  # and the row's creation by the data loader
    assert [b.pengguna for b in baris if b.objek == "Pelaporan realisasi"] == [
        "Ahmad Camat",
        "sistem",
    ]
