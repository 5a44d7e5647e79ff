"""The documents the application prints: LKIP, IKU decree, Perjanjian Kinerja.

Each is a renderer (``Penyaji``) with one contract: ``html()`` from a Django template and the
data its selectors gather, then ``render() -> Berkas(nama, content_type, isi)`` through
WeasyPrint; ``Berkas`` is ``sakip.berkas``'s, the contract of every download.
``penyaji_untuk(jenis, objek)`` finds the renderer of a kind. A bound document's parts are
laid out one by one, through the layout cache of ``tembolok`` (an unchanged part is not laid
out again).
"""
