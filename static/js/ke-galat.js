// After a refused save the page moves to the first error: the error summary when the page has
// one (a wide table whose cells may sit off-screen), otherwise the first field marked invalid or
// the first error text. A field is focused so that it can be corrected at once; a text is given
// a temporary tabindex so that a screen reader reads it.
(function () {
  "use strict";
  var PILIH = ".ringkasan-galat, [aria-invalid='true'], small.galat, .galat-sel, .pesan-error";

  function isianDekat(el) {
    if (el.matches("input, select, textarea")) return el;
    var wadah = el.closest("td, label, p, div, fieldset");
    return wadah && wadah.querySelector("input:not([type=hidden]):not([disabled]), select, textarea");
  }

  function tuju(el) {
    var isian = el.matches(".ringkasan-galat, .pesan-error") ? null : isianDekat(el);
    var sasaran = isian || el;
    if (!isian && !sasaran.hasAttribute("tabindex")) sasaran.setAttribute("tabindex", "-1");
    sasaran.scrollIntoView({ block: "center" });
    sasaran.focus({ preventScroll: true });
  }

  function mulai() {
    var el = document.querySelector("main .ringkasan-galat") ||
      document.querySelector("main " + PILIH.split(", ").join(", main "));
    if (el) tuju(el);
  }

  // A link of the summary focuses its field (an anchor only scrolls).
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest(".ringkasan-galat a[href^='#']");
    if (!a) return;
    var isian = document.getElementById(a.getAttribute("href").slice(1));
    if (!isian) return;
    e.preventDefault();
    isian.scrollIntoView({ block: "center", inline: "center" });
    isian.focus({ preventScroll: true });
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mulai);
  else mulai();
})();
