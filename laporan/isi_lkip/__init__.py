"""Selectors gathering everything the LKIP prints, chapter by chapter.

``awal`` — cover, kata pengantar, BAB I (profile, Tabel 1.1–1.3), BAB II (Renstra, IKU, PK,
program budgets: Tabel 2.1–2.9), lampiran. ``capaian`` — ikhtisar eksekutif, BAB III
(framework Tabel 3.1, capaian per PK 3.2 / 3.8, analysis per sasaran with the supporting
programs 3.3–3.6 / 3.9–3.10, efficiency 3.7 / 3.12, benchmark, charts, budget realisation 3.13)
and BAB IV. Both return plain dicts of dataclasses; the templates only format.
"""
