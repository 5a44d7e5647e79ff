"""The admin lists' page count that stays flat as the country grows.

Django's paginator counts the rows of the list (``SELECT COUNT(*)``) to number its pages. For
the superuser of a national installation, placed in no kabupaten, the unfiltered realisasi
list is the whole table: a count of 234k rows on every page (issue 12). On PostgreSQL, when
the list is the whole table (no WHERE, no DISTINCT, no grouping) and the planner's estimate of
its rows (``pg_class.reltuples``, kept by ANALYZE and autovacuum) is at least ``BATAS``, the
paginator takes that estimate; the page line then says "sekitar". Any filtered list, a small
table, a table never analysed and SQLite are counted exactly as before.
"""

from django.core.paginator import EmptyPage, Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property

# Below this many rows a whole-table count is cheap enough (under a millisecond) to be exact.
BATAS = 5_000


def perkiraan_baris(queryset) -> int | None:
    """The planner's estimate of ``queryset``'s rows when it is a whole table on
    PostgreSQL, else None (then only an exact count will do)."""
    if not isinstance(queryset, QuerySet):
        return None
    query = queryset.query
    if (
        query.where
        or query.distinct
        or query.combinator
        or query.is_sliced
        or query.group_by is not None
        or connections[queryset.db].vendor != "postgresql"
    ):
        return None
    tabel = queryset.model._meta.db_table
    with connections[queryset.db].cursor() as c:
        c.execute("SELECT reltuples FROM pg_class WHERE oid = to_regclass(%s)", [f'"{tabel}"'])
        baris = c.fetchone()
    if baris is None or baris[0] is None or baris[0] < 0:  # -1: never analysed
        return None
    return int(baris[0])


class PaginatorPerkiraan(Paginator):
    """A paginator that takes the planner's estimate for a whole large table
    (``perkiraan_baris``); ``perkiraan`` says whether it did. A page past the estimate is
    shown (empty, or the rows the estimate missed) rather than refused."""

    perkiraan = False

    @cached_property
    def count(self) -> int:
        perkiraan = perkiraan_baris(self.object_list)
        if perkiraan is not None and perkiraan >= BATAS:
            self.perkiraan = True
            return perkiraan
        return super().count

    def validate_number(self, number):
        try:
            return super().validate_number(number)
        except EmptyPage:
            if self.perkiraan and int(number) >= 1:  # past the estimate, not below page 1
                return int(number)
            raise
