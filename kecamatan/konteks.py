"""What every template may ask about the signed-in user, as flags decided by sakip.akses:
templates never compare role names."""

from sakip import akses

from .logo import logo_kepala


def izin_pengguna(request) -> dict:
    user = request.user
    kabupaten = getattr(user, "kabupaten", None) if user.is_authenticated else None
    return {
        # The header's kabupaten: its name and logo (a data: URI, "" without a logo).
        "kabupaten_kepala": (
            {"nama": kabupaten.nama, "logo": logo_kepala(kabupaten)} if kabupaten else None
        ),
        "izin_pengguna": {
            "adalah_kecamatan": user.is_authenticated and user.adalah_pengguna_kecamatan,
            "adalah_kabupaten": akses.boleh(user, akses.Izin.MELIHAT),
            "adalah_bappeda": akses.adalah_bappeda(user),
            "adalah_inspektorat": akses.adalah_inspektorat(user),
            "adalah_admin_kabupaten": akses.adalah_admin_kabupaten(user),
        },
    }
