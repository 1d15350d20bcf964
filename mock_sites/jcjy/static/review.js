/* Detail page: material preview dialog and the 备注-required rule of the decision form. */
(function () {
  "use strict";
  var dialog = document.getElementById("preview-dialog");
  if (dialog) {
    var image = document.getElementById("preview-image");
    var heading = document.getElementById("preview-title");
    var download = document.getElementById("preview-download");
    document.querySelectorAll("[data-preview-url]").forEach(function (button) {
      button.addEventListener("click", function () {
        var title = button.getAttribute("data-preview-title");
        heading.textContent = title;
        image.alt = title;
        image.src = button.getAttribute("data-preview-url");
        image.hidden = false;
        download.href = button.getAttribute("data-download-url");
        dialog.showModal();
      });
    });
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
