/* Small things that work better with JavaScript and are whole without it.
 *
 * - The home page's ways in lead to a listing without JavaScript; with it, to the toolbox with the
 *   same choices (data-toolbox-query), where they combine with others.
 * - "Copy the link" on a practice page, shown only where the clipboard can be written.
 * - Printing opens the closed disclosures (a practice's "More details"), and closes them after.
 */
(function () {
  "use strict";

  var t = window.eslText.t;

  function toolboxLinks() {
    var home = document.querySelector("a.md-logo"); // the language's home page: the toolbox is below it
    if (!home) return;
    var toolbox = new URL("toolbox/", home.href);
    document.querySelectorAll("a[data-toolbox-query]").forEach(function (link) {
      link.href = toolbox.href + "?" + link.getAttribute("data-toolbox-query");
    });
  }

  function copyLinks() {
    if (!navigator.clipboard || !window.isSecureContext) return;
    document.querySelectorAll("[data-copy-link]").forEach(function (button) {
      var holder = button.closest(".share-copy");
      if (holder) holder.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(
          function () {
            button.textContent = t("Link copied");
          },
          function () {
            button.textContent = t("The link could not be copied");
          }
        );
      });
    });
  }

  /* A printed practice shows its details too: the closed disclosures open for the print and close after. */
  function printDetails() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details:not([open])").forEach(function (details) {
        details.open = true;
        opened.push(details);
      });
    });
    window.addEventListener("afterprint", function () {
      opened.splice(0).forEach(function (details) {
        details.open = false;
      });
    });
  }

  function start() {
    toolboxLinks();
    copyLinks();
    printDetails();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
