"""Shared fixtures: the Jember data and the cast of the stories the tests tell."""

import os
import shutil
import sqlite3
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings
from pytest_django.plugin import blocking_manager_key

from kecamatan.models import Kabupaten, Kecamatan, Pengguna, Peran


def muat_jember():
    call_command("muat_data_jember", stdout=StringIO())


# The test database as it stood right after the Jember data was loaded, taken once per worker:
# a test that commits (the browser tests) ends with a flush, and the database is put back from
# this copy in a fraction of a second instead of loading the YAML again (about 3 s of CPU).
_POTRET: list = []


def potret_basis_data():
    """A copy of every table: SQLite's own online backup into a database in memory; on
    PostgreSQL each table's rows through COPY."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        salinan = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(salinan)
        return salinan
    tabel = connection.introspection.django_table_names(only_existing=True, include_views=False)
    isi = {}
    with connection.cursor() as kursor:
        for nama in tabel:
            penampung = StringIO()
            kursor.cursor.copy_expert(f'COPY "{nama}" TO STDOUT', penampung)
            isi[nama] = penampung.getvalue()
    return isi


def pulihkan_basis_data(salinan) -> None:
    """Every table back to the copy: the rows a test committed, and the flush after it, undone."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        salinan.backup(connection.connection)
        return
    with transaction.atomic(), connection.cursor() as kursor:
        daftar = ", ".join(f'"{nama}"' for nama in salinan)
        kursor.execute(f"TRUNCATE {daftar} CASCADE")
        for nama, baris in salinan.items():
            if baris:
                kursor.cursor.copy_expert(f'COPY "{nama}" FROM STDIN', StringIO(baris))
        # The ids were copied as they were: each sequence continues after the largest.
        for perintah in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            kursor.execute(perintah)


# A fast password hasher: the production one (PBKDF2) made user creation most of the
# setup time of every page test. Django's own test docs recommend this.
_hasher_cepat = override_settings(
    PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
)


# The layout cache of the printed documents' parts (laporan.dokumen.tembolok) lives in one
# folder per run shared by every xdist worker (and by both halves of `make test`, which sets
# SAKIP_TEMBOLOK_UJI once for the run): a part with exactly the same input (its HTML and every
# file it reads) is laid out once per run, whichever test prints it first. The controller
# makes the folder when the variable is not set (the workers inherit it) and removes it after.
TEMBOLOK_UJI = "SAKIP_TEMBOLOK_UJI"


def pytest_configure(config):
    _hasher_cepat.enable()
    if not os.environ.get(TEMBOLOK_UJI) and not hasattr(config, "workerinput"):
        os.environ[TEMBOLOK_UJI] = tempfile.mkdtemp(prefix="sakip-tembolok-uji-")
        config._tembolok_uji_sendiri = os.environ[TEMBOLOK_UJI]


def pytest_unconfigure(config):
    folder = getattr(config, "_tembolok_uji_sendiri", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def _bobot_berkas(item) -> int:
    """How long a test file keeps a worker busy, roughly: the browser tests, then the files
    that print documents or walk every URL, then the rest."""
    if "live_server" in item.fixturenames:
        return 0
    nama = item.path.name
    return (
        1
        if any(k in nama for k in ("pdf", "dokumen", "setelan", "url_sampah", "izin_peran"))
        else 2
    )


def pytest_collection_modifyitems(config, items):
    """The longest files first (each file stays whole and in its order): with the suite spread
    over the cores file by file, no core is left alone at the end with a long file."""
    bobot: dict = {}
    for item in items:
        bobot[item.path] = min(bobot.get(item.path, 2), _bobot_berkas(item))
    items.sort(key=lambda item: bobot[item.path])


@pytest.fixture(scope="session", autouse=True)
def media_sesi(tmp_path_factory):
    """Every file the run uploads or prints lands in a temporary folder of its own (one per
    xdist worker), never in the project's media/ and never in another worker's; the layout
    cache is the run's shared folder (``TEMBOLOK_UJI``)."""
    with override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("media"), DOKUMEN_TEMBOLOK=os.environ[TEMBOLOK_UJI]
    ):
        yield


@pytest.fixture(scope="session")
def django_db_use_migrations():
    """The test database's tables are made straight from the models, not by replaying the 78
    migrations (about 20 s of CPU for each worker of each half, most of it Django rebuilding
    model states). The migrations stay proven: `makemigrations --check` ties them to the
    models, and .ci/run migrates an empty SQLite and an empty PostgreSQL database. Their one
    piece of reference data, the default rating scales, the data loader stores too
    (`pasang_skala_bawaan`)."""
    return False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the real Jember data once into the test database for the whole run; each test's
    changes to it are rolled back with the test."""
    with django_db_blocker.unblock():
        # Tables made from the models leave the migration table out; the backup records it.
        MigrationRecorder(connection).ensure_schema()
        muat_jember()
        _POTRET.append(potret_basis_data())


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test (the browser tests) flushes the database when it ends: load the
    Jember data again right after, outside any test transaction, so the tests after it find
    it as the session left it. Only those few tests pay for a reload."""
    yield
    # After the run's last test the session's test database is already gone: nothing to do.
    if nextitem is None:
        return
    if "transactional_db" in item.fixturenames or "live_server" in item.fixturenames:
        blocker = item.config.stash[blocking_manager_key]
        with blocker.unblock():
            pulihkan_basis_data(_POTRET[0])


@pytest.fixture(scope="module")
def jember_modul(django_db_setup):
    """For module-scoped fixtures that print documents once for a whole module (the data is
    always present: loaded once per run and restored after every flush)."""


@pytest.fixture
def jember(db):
    """The Jember data, loaded once for the run."""
    return Kabupaten.objects.get(slug="jember")


@pytest.fixture
def kencong(jember):
    return Kecamatan.objects.get(kabupaten=jember, slug="kencong")


@pytest.fixture
def patrang(jember):
    return Kecamatan.objects.get(kabupaten=jember, slug="patrang")


KATA_SANDI_UJI = "kata-sandi-uji-123"


def buat_pengguna(username, peran, kabupaten, kecamatan=None, **extra):
    return Pengguna.objects.create_user(
        username=username,
        password=KATA_SANDI_UJI,
        peran=peran,
        kabupaten=kabupaten,
        kecamatan=kecamatan,
        **extra,
    )


@pytest.fixture
def operator_kencong(kencong):
    return buat_pengguna("operator.kencong", Peran.OPERATOR, kencong.kabupaten, kencong)


@pytest.fixture
def camat_kencong(kencong):
    return buat_pengguna("camat.kencong", Peran.CAMAT, kencong.kabupaten, kencong)


@pytest.fixture
def operator_patrang(patrang):
    return buat_pengguna("operator.patrang", Peran.OPERATOR, patrang.kabupaten, patrang)


@pytest.fixture
def bappeda(jember):
    return buat_pengguna("bappeda", Peran.BAPPEDA, jember)


@pytest.fixture
def inspektorat(jember):
    return buat_pengguna("inspektorat", Peran.INSPEKTORAT, jember)


@pytest.fixture
def admin_kabupaten(jember):
    return buat_pengguna(
        "admin.kabupaten", Peran.ADMIN_KABUPATEN, jember, is_staff=True, is_superuser=True
    )


# --- a real browser (Playwright driving Debian's Chromium, never a downloaded one) ----------

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def chromium():
    """Headless Chromium. Missing: skipped with the reason under `make test`, a failure with
    CI=true (CI installs Debian's chromium in .ci/run)."""
    if not Path(CHROMIUM).exists():
        alasan = f"Chromium tidak ditemukan di {CHROMIUM} (apt install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{alasan}; CI=true mewajibkan uji peramban.")
        pytest.skip(alasan)
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test
    # itself are still synchronous. While that loop runs, Django gives this thread other
    # connection objects than before it: they are closed before the loop ends, or PostgreSQL
    # would still see them when the test database is dropped ("being accessed by other
    # users"), and pytest-django could not drop it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        connections.close_all()
        browser.close()


@pytest.fixture
def halaman(chromium):
    konteks = chromium.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = konteks.new_page()
    page.set_default_timeout(15000)
    yield page
    konteks.close()


@pytest.fixture
def dokumen_kencong(kencong, camat_kencong):
    """A printed LKIP of Kencong and its finalised version, as rows only (no rendering): for
    the pages and lists that show stored documents."""
    from laporan.models import DokumenPDF, LaporanKinerja, VersiLKIP

    laporan = LaporanKinerja.objects.filter(kecamatan=kencong).order_by("tahun").last()
    dokumen = DokumenPDF.objects.create(
        kecamatan=kencong,
        jenis=DokumenPDF.Jenis.LKIP,
        objek_id=laporan.pk,
        sidik_html="0" * 64,
        html="<p>uji</p>",
        status=DokumenPDF.Status.SELESAI,
        nama_berkas="lkip-kencong-uji.pdf",
        sha256="1" * 64,
    )
    VersiLKIP.objects.create(
        laporan=laporan, nomor=1, dokumen=dokumen, sha256="1" * 64, ditetapkan_oleh=camat_kencong
    )
    return dokumen


@pytest.fixture
def survei_kencong(kencong, operator_kencong):
    """A stored Survei Kepuasan Masyarakat result of Kencong (TW I 2025), as a row only."""
    from decimal import Decimal

    from perjanjian.models import SurveiKepuasan

    return SurveiKepuasan.objects.create(
        kecamatan=kencong,
        tahun=2025,
        periode="tw1",
        nama_berkas="survei-kencong-tw1.xlsx",
        jumlah_responden=4,
        nrr=["3.5", "3.5", "3", "3.75", "3.25", "3.75", "3.75", "3.25", "3.5"],
        jumlah_jawaban=[4, 4, 3, 4, 4, 4, 4, 4, 2],
        nilai_ikm=Decimal("86.81"),
        diunggah_oleh=operator_kencong,
    )


@pytest.fixture
def antrean_tanpa_pekerja(settings):
    """Documents asked for are queued and left there (no worker runs them): for the tests whose
    subject is a step or a URL, not the printing, which the document tests cover."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def media(settings, tmp_path):
    """Uploaded and printed files go to a temporary folder for the test."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def lengkapi_syarat_lkip(kecamatan, tahun):
    """What the approval of an LKIP needs besides its own texts and review: every field of
    every sasaran's narrative, every PK of the year ditetapkan, the annual realisasi verified
    (set directly: the stories that use it are about the LKIP, not these steps)."""
    from perjanjian.models import NarasiSasaran, PelaporanRealisasi, PerjanjianKinerja
    from perjanjian.selectors import sasaran_bertarget
    from perjanjian.services.narasi import KOLOM_NARASI
    from sakip.penguncian import kunci_dilepas

    with kunci_dilepas():
        for sid in sasaran_bertarget(kecamatan=kecamatan, tahun=tahun):
            n, _ = NarasiSasaran.objects.get_or_create(sasaran_id=sid, tahun=tahun)
            for k in KOLOM_NARASI:
                if not getattr(n, k).strip():
                    setattr(n, k, f"Uraian {k.replace('_', ' ')} untuk uji.")
            n.save()
        PerjanjianKinerja.objects.filter(kecamatan=kecamatan, tahun=tahun).update(
            status=PerjanjianKinerja.Status.DITETAPKAN
        )
        PelaporanRealisasi.objects.update_or_create(
            kecamatan=kecamatan,
            tahun=tahun,
            periode="tahunan",
            defaults={"status": PelaporanRealisasi.Status.DIVERIFIKASI},
        )


@pytest.fixture
def syarat_lkip_kencong(kencong):
    lengkapi_syarat_lkip(kencong, 2025)
