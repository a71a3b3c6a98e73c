// After a need is submitted, move the focus to the results heading (screen readers announce it)
// and bring it into view: on a phone the results would otherwise start far below the form.
document.addEventListener("DOMContentLoaded", function () {
  var target = document.querySelector("[data-focus-on-load]");
  if (target) {
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
  }
});
