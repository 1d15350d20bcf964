// 部门成员: 授权管理 opens the grant dialog for the ticked members (or says to tick someone).
(function () {
  "use strict";
  const dialog = document.getElementById("grant-dialog");
  const opener = document.getElementById("open-grant");
  if (!dialog || !opener) return;
  const alertBox = document.getElementById("grant-alert");
  const count = document.getElementById("grant-count");

  const ticked = () => Array.from(document.querySelectorAll('input[name="member_id"]:checked'));
  const tick = (name, values) => {
    dialog.querySelectorAll('input[name="' + name + '"]').forEach((box) => {
      box.checked = values.includes(box.value);
    });
  };
  // Pre-fill with the members' current grants when they all have the same ones.
  const common = (members, key) => {
    const lists = members.map((m) => JSON.parse(m.dataset[key] || "[]").sort().join("|"));
    return lists.every((l) => l === lists[0]) ? JSON.parse(members[0].dataset[key] || "[]") : [];
  };

  opener.addEventListener("click", () => {
    const members = ticked();
    if (members.length === 0) {
      alertBox.textContent = "请先勾选需要授权的人员";
      alertBox.hidden = false;
      return;
    }
    alertBox.hidden = true;
    alertBox.textContent = "";
    const error = document.getElementById("grant-error");
    if (error) error.remove();
    tick("system", common(members, "systems"));
    tick("role", common(members, "roles"));
    count.textContent = String(members.length);
    dialog.showModal();
  });
  document.getElementById("grant-cancel").addEventListener("click", () => dialog.close());
  if (dialog.dataset.open === "true") dialog.showModal();
})();
