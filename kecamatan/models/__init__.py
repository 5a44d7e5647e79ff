from .pengguna import PERAN_KECAMATAN, Pengguna, Peran
from .profil import PENDIDIKAN, IsuStrategis, KomposisiSDM, ProfilTahunan, SaranaPrasarana
from .skala import JenisSkala, PemakaianSkala, PitaSkala, SkalaPenilaian
from .wilayah import Kabupaten, Kecamatan, Pejabat, UnitKerja

__all__ = [
    "PENDIDIKAN",
    "PERAN_KECAMATAN",
    "IsuStrategis",
    "JenisSkala",
    "Kabupaten",
    "Kecamatan",
    "KomposisiSDM",
    "Pejabat",
    "PemakaianSkala",
    "Pengguna",
    "Peran",
    "PitaSkala",
    "ProfilTahunan",
    "SaranaPrasarana",
    "SkalaPenilaian",
    "UnitKerja",
]
