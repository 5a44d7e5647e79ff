// Unsaved input is not lost by leaving the page: a form marked data-jaga-isian that was typed
// in asks before the page is left (closing, reloading, following a link). Submitting a form
// is not leaving: the server answers for what is sent (it refuses a workflow step while the
// sent values differ from the stored ones).
(function () {
  "use strict";
  var kotor = false;

  function dijaga(el) {
    return el && el.closest && el.closest("form[data-jaga-isian]");
  }

  function tandai(e) {
    if (dijaga(e.target)) kotor = true;
  }

  document.addEventListener("input", tandai, true);
  document.addEventListener("change", tandai, true);
  // A form marked data-konfirmasi="…" (deleting a row) asks that question first; "Batal"
  // sends nothing. No inline handler: the page carries only the question as data.
  document.addEventListener("submit", function (e) {
    var tanya = e.target && e.target.getAttribute && e.target.getAttribute("data-konfirmasi");
    if (tanya && !window.confirm(tanya)) {
      e.preventDefault();
      e.stopImmediatePropagation();
      return;
    }
    kotor = false;
  }, true);
  // A choice that shows another view (the beranda's year) is sent as soon as it changes.
  document.addEventListener("change", function (e) {
    var el = e.target;
    if (el && el.matches && el.matches("select[data-kirim-otomatis]") && el.form) el.form.submit();
  });
  window.addEventListener("beforeunload", function (e) {
    if (!kotor) return undefined;
    e.preventDefault();
    e.returnValue = "Ada isian yang belum disimpan.";
    return e.returnValue;
  });
})();
