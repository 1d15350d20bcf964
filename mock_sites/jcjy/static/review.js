/* Detail page: material preview dialog and the 备注-required rule of the decision form. */
(function () {
  "use strict";
  var dialog = document.getElementById("preview-dialog");
  if (dialog) {
    var image = document.getElementById("preview-image");
    var heading = document.getElementById("preview-title");
    var download = document.getElementById("preview-download");
    var position = document.getElementById("preview-position");
    var previous = document.getElementById("preview-previous");
    var next = document.getElementById("preview-next");
    var buttons = Array.prototype.slice.call(document.querySelectorAll("[data-preview-url]"));
    var current = 0;
    var show = function (index) {
      var button = buttons[index];
      var title = button.getAttribute("data-preview-title");
      current = index;
      heading.textContent = title;
      image.alt = title;
      image.src = button.getAttribute("data-preview-url");
      image.hidden = false;
      download.href = button.getAttribute("data-download-url");
      position.textContent = "第 " + (index + 1) + "/" + buttons.length + " 份";
      previous.disabled = index === 0;
      next.disabled = index === buttons.length - 1;
    };
    buttons.forEach(function (button, index) {
      button.addEventListener("click", function () {
        show(index);
        dialog.showModal();
      });
    });
    previous.addEventListener("click", function () { if (current > 0) { show(current - 1); } });
    next.addEventListener("click", function () {
      if (current < buttons.length - 1) { show(current + 1); }
    });
    // While the preview is open, ← / → page through the materials as the buttons do.
    // screens.js runs this file again on every detail screen: one document listener calls the
    // handler of the screen now shown.
    var listening = !!window.previewKeys;
    window.previewKeys = function (key) {
      if (!dialog.open) { return; }
      if (key === "ArrowLeft" && !previous.disabled) { previous.click(); }
      if (key === "ArrowRight" && !next.disabled) { next.click(); }
    };
    if (!listening) {
      document.addEventListener("keydown", function (event) { window.previewKeys(event.key); });
    }
    document.getElementById("preview-close").addEventListener("click", function () {
      dialog.close();
    });
    dialog.addEventListener("close", function () {
      image.hidden = true;
      image.removeAttribute("src");
    });
  }

  var form = document.getElementById("decision-form");
  if (form) {
    var remark = form.querySelector("textarea[name=remark]");
    var update = function () {
      var chosen = form.querySelector("input[name=result]:checked");
      remark.required = !!chosen && chosen.value === "不通过";
    };
    form.querySelectorAll("input[name=result]").forEach(function (radio) {
      radio.addEventListener("change", update);
    });
    remark.addEventListener("invalid", function () {
      if (remark.validity.valueMissing) {
        remark.setCustomValidity("审核结果为不通过时，请在备注中写明不通过的原因");
      }
    });
    remark.addEventListener("input", function () { remark.setCustomValidity(""); });
    update();
  }
})();
