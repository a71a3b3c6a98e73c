// Password fields, enhanced (without JavaScript they work as plain masked fields):
// - ASVS 2.1.12: a "Show password" checkbox under each one, to check what was typed;
// - ASVS 2.1.8: under a new password, a strength meter of its length against the server's rule
//   (data-min-length); the server also refuses common passwords and says so after submitting.
// Its words come in the page's language from the script element's data attributes (the
// password_fields_script macro); English when a page leaves them out.
var passwordWords = (function (script) {
  var given = (script && script.dataset) || {};
  return {
    show: given.show || "Show password",
    strength: given.strength || "Strength:",
    empty: given.empty || "at least {least} characters",
    short: given.short || "too short: {length} of at least {least} characters",
    enough: given.enough || "long enough; longer is stronger",
    strong: given.strong || "strong: a long password",
  };
})(document.currentScript);

function fill(words, least, length) {
  return words.replace("{least}", String(least)).replace("{length}", String(length));
}

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
  label.textContent = passwordWords.show;
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
  label.textContent = passwordWords.strength + " ";
  var line = document.createElement("p");
  line.append(label, meter, " ", said);
  wrapper.append(line);
  meter.setAttribute("aria-describedby", said.id);
  var update = function () {
    var length = Array.from(field.value).length;
    meter.value = Math.min(length, least * 2);
    if (length === 0) {
      said.textContent = fill(passwordWords.empty, least, length);
    } else if (length < least) {
      said.textContent = fill(passwordWords.short, least, length);
    } else if (length < least * 1.5) {
      said.textContent = passwordWords.enough;
    } else {
      said.textContent = passwordWords.strong;
    }
  };
  field.addEventListener("input", update);
  update();
}
