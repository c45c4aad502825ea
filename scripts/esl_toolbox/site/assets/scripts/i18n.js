/* The scripts' words in the page's language.
 *
 * Every message is written in English in the scripts as t("...") or nt("one", "many", n): Babel
 * extracts them into the catalogues, and the build puts their translations into the page
 * (<script id="esl-messages">, from overrides/main.html). Plurals come by CLDR category, which
 * Intl.PluralRules gives for the page's locale. Placeholders are written %(name)s.
 */
(function () {
  "use strict";

  var data = null;

  function messages() {
    if (data) return data;
    var element = document.getElementById("esl-messages");
    try {
      data = element ? JSON.parse(element.textContent) : {};
    } catch (error) {
      data = {};
    }
    data.text = data.text || {};
    data.plural = data.plural || {};
    return data;
  }

  function fmt(text, values) {
    if (!values) return text;
    return text.replace(/%\((\w+)\)[sd]/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function t(text, values) {
    return fmt(messages().text[text] || text, values);
  }

  function category(n) {
    try {
      return new Intl.PluralRules(messages().locale || document.documentElement.lang || "en").select(n);
    } catch (error) {
      return n === 1 ? "one" : "other";
    }
  }

  function nt(singular, plural, n, values) {
    var forms = messages().plural[singular];
    var text = forms ? forms[category(n)] || forms.other || plural : n === 1 ? singular : plural;
    var all = { num: n, count: n };
    for (var key in values || {}) all[key] = values[key];
    return fmt(text, all);
  }

  /* A number as the page's language writes it. */
  function number(n) {
    try {
      return new Intl.NumberFormat(messages().locale || document.documentElement.lang || "en").format(n);
    } catch (error) {
      return String(n);
    }
  }

  window.eslText = { t: t, nt: nt, fmt: fmt, number: number };
})();
