// Contact form enhancements. The form works fully without them.
(function () {
    "use strict";

    var summary = document.querySelector("[data-error-summary]");
    if (!summary) {
        return;
    }
    // Move focus to the list of problems, so it is read out before anything else.
    summary.focus();

    // A link in the summary moves focus into its field, with the field's label in view.
    summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        if (!link) {
            return;
        }
        var field = document.getElementById(link.getAttribute("href").slice(1));
        if (!field) {
            return;
        }
        event.preventDefault();
        var group = field.closest(".form-field") || field;
        group.scrollIntoView();
        field.focus({ preventScroll: true });
    });
})();
