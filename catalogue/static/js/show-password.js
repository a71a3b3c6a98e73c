// ASVS 2.1.12: a "Show password" checkbox under each password field, so a person can check what
// they typed. Without JavaScript the fields stay masked and nothing else changes.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input[type=password]").forEach(function (field) {
    var box = document.createElement("input");
    box.type = "checkbox";
    box.id = field.id + "-show";
    box.setAttribute("aria-controls", field.id);
    var label = document.createElement("label");
    label.htmlFor = box.id;
    label.textContent = "Show password";
    var wrapper = document.createElement("p");
    wrapper.className = "field__reveal";
    wrapper.append(box, " ", label);
    field.insertAdjacentElement("afterend", wrapper);
    box.addEventListener("change", function () {
      field.type = box.checked ? "text" : "password";
    });
  });
});
