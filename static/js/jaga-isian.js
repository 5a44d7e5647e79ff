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
  document.addEventListener("submit", function () {
    kotor = false;
  }, true);
  window.addEventListener("beforeunload", function (e) {
    if (!kotor) return undefined;
    e.preventDefault();
    e.returnValue = "Ada isian yang belum disimpan.";
    return e.returnValue;
  });
})();
