// An htmx request that fails (the server refused it, answered with an error, or could not be
// reached) is said in one notice at the top of the page, never in silence. The page keeps
// what the user typed: after a session ended (401, sakip/htmx.py) the notice links to the
// login page in another tab.
(function () {
  "use strict";

  function pemberitahuan() {
    var el = document.getElementById("galat-htmx");
    if (el) return el;
    el = document.createElement("div");
    el.id = "galat-htmx";
    el.className = "pesan pesan-error";
    el.setAttribute("role", "alert");
    var main = document.querySelector("main") || document.body;
    main.insertBefore(el, main.firstChild);
    return el;
  }

  function tampil(teks, masuk) {
    var el = pemberitahuan();
    el.textContent = teks;
    if (masuk) {
      var a = document.createElement("a");
      a.href = masuk;
      a.target = "_blank";
      a.rel = "noopener";
      a.textContent = "Masuk kembali (tab baru)";
      el.appendChild(document.createTextNode(" "));
      el.appendChild(a);
    }
  }

  document.addEventListener("htmx:responseError", function (e) {
    var xhr = e.detail.xhr;
    if (xhr.status === 401) {
      tampil(xhr.responseText, xhr.getResponseHeader("X-Masuk") || "/masuk/");
    } else {
      tampil("Permintaan ke server gagal (kode " + xhr.status + "). Coba lagi; bila tetap gagal, muat ulang halaman.");
    }
  });
  document.addEventListener("htmx:sendError", function () {
    tampil("Tidak tersambung ke server: periksa sambungan internet, lalu coba lagi.");
  });
})();
