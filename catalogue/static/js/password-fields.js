// Password fields, enhanced (without JavaScript they work as plain masked fields):
// - ASVS 2.1.12: a "Show password" checkbox under each one, to check what was typed;
// - ASVS 2.1.8: under a new password, a strength meter of its length against the server's rule
//   (data-min-length); the server also refuses common passwords and says so after submitting.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input[type=password]").forEach(function (field) {
    var wrapper = document.createElement("div");
    wrapper.className = "field__reveal";
    field.insertAdjacentElement("afterend", wrapper);
    addMeter(field, wrapper);
    addReveal(field, wrapper);
  });
});

function addReveal(field, wrapper) {
  var box = document.createElement("input");
  box.type = "checkbox";
  box.id = field.id + "-show";
  box.setAttribute("aria-controls", field.id);
  var label = document.createElement("label");
  label.htmlFor = box.id;
  label.textContent = "Show password";
  var line = document.createElement("p");
  line.append(box, " ", label);
  wrapper.append(line);
  box.addEventListener("change", function () {
    field.type = box.checked ? "text" : "password";
  });
}

function addMeter(field, wrapper) {
  var least = parseInt(field.dataset.minLength, 10);
  if (!least) {
    return;
  }
  var meter = document.createElement("meter");
  meter.id = field.id + "-strength";
  meter.min = 0;
  meter.max = least * 2;
  meter.low = least;
  meter.high = Math.round(least * 1.5);
  meter.optimum = least * 2;
  meter.value = 0;
  var said = document.createElement("span");
  said.id = field.id + "-strength-text";
  said.setAttribute("aria-live", "polite");
  var label = document.createElement("label");
  label.htmlFor = meter.id;
  label.textContent = "Strength: ";
  var line = document.createElement("p");
  line.append(label, meter, " ", said);
  wrapper.append(line);
  meter.setAttribute("aria-describedby", said.id);
  var update = function () {
    var length = Array.from(field.value).length;
    meter.value = Math.min(length, least * 2);
    if (length === 0) {
      said.textContent = "at least " + least + " characters";
    } else if (length < least) {
      said.textContent = "too short: " + length + " of at least " + least + " characters";
    } else if (length < least * 1.5) {
      said.textContent = "long enough; longer is stronger";
    } else {
      said.textContent = "strong: a long password";
    }
  };
  field.addEventListener("input", update);
  update();
}
