/* The application's own file input (sakip.isian.BerkasInput): the visible button reads
   "Pilih berkas" and the chosen file's name is shown, whatever the browser's language. */
(function () {
  "use strict";
  if (window.sakipBerkas) return; // the widget may appear more than once on a page
  window.sakipBerkas = true;
  function tampilkan(input) {
    var kotak = input.closest("[data-isian-berkas]");
    if (!kotak) return;
    var nama = kotak.querySelector(".nama-berkas");
    var berkas = input.files && input.files.length ? input.files[0].name : "";
    nama.textContent = berkas || "Belum ada berkas dipilih";
  }
  document.addEventListener("change", function (e) {
    if (e.target.matches && e.target.matches("[data-isian-berkas] input[type=file]")) {
      tampilkan(e.target);
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-isian-berkas] input[type=file]").forEach(tampilkan);
  });
})();
