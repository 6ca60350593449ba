// Drag-and-drop onto the drop zones, file names shown, and a busy note while uploading. Works without it too.
var showNames = [];
document.querySelectorAll("label.drop").forEach(function (zone) {
  var input = zone.querySelector("input[type=file]");
  var name = zone.querySelector(".drop-name");
  function show() { name.textContent = Array.from(input.files).map(function (f) { return f.name; }).join(", "); }
  showNames.push(show);
  input.addEventListener("change", show);
  ["dragenter", "dragover"].forEach(function (e) { zone.addEventListener(e, function (ev) { ev.preventDefault(); zone.classList.add("over"); }); });
  ["dragleave", "drop"].forEach(function (e) { zone.addEventListener(e, function (ev) { ev.preventDefault(); zone.classList.remove("over"); }); });
  zone.addEventListener("drop", function (ev) { if (ev.dataTransfer && ev.dataTransfer.files.length) { input.files = ev.dataTransfer.files; show(); } });
  show();  // the browser may have kept the chosen files (Back button)
});
document.querySelectorAll("form").forEach(function (form) {
  form.addEventListener("submit", function () {
    var busy = form.querySelector(".busy"); var button = form.querySelector("button");
    if (busy) { busy.hidden = false; } if (button) { button.disabled = true; }
  });
});
// Coming back with Back (page restored from the cache): forms usable again, names as the inputs hold them.
window.addEventListener("pageshow", function () {
  document.querySelectorAll("form .busy").forEach(function (busy) { busy.hidden = true; });
  document.querySelectorAll("form button").forEach(function (button) { button.disabled = false; });
  showNames.forEach(function (show) { show(); });
});
