/* The finder: "Find practices for my school".
 *
 * Each answer scores the practices it fits (age 3, learners 3, problem 3, cost 2, role 1; a cost
 * above what the school can spend counts against); the practices are ranked by score, then by the
 * strength of their evidence, then by title, and each says which answers it matches. The answers are
 * the page's address (?age=1,2&group=...&problem=...&effort=low&role=teacher): shareable, and Back
 * goes to the previous answers. Nothing is sent or stored. Everything read from the address is
 * untrusted: what names no choice is dropped and said so, as text.
 */
(function () {
  "use strict";

  var t = window.eslText.t;
  var nt = window.eslText.nt;
  var number = window.eslText.number;

  var SHOWN = 20;
  var MAX_PARAM = 2000;
  var WEIGHTS = { age: 3, group: 3, problem: 3, effort: 2, role: 1 };
  var MULTI = ["age", "group", "problem"];
  var SINGLE = ["effort", "role"];

  function Finder(root, data, dataUrl) {
    this.root = root;
    this.data = data;
    this.dataUrl = dataUrl;
    this.practices = data.practices;
    this.count = data.practices.id.length;
    this.facets = {};
    data.facets.forEach(function (facet) {
      this.facets[facet.key] = facet;
    }, this);
    this.problems = {};
    data.problems.forEach(function (way) {
      this.problems[way.id] = way;
    }, this);
    this.roles = {};
    data.roles.forEach(function (way) {
      this.roles[way.id] = way;
    }, this);
    this.english = new Set(data.practices.english_titles || []);
    this.form = document.getElementById("finder-form");
    this.status = document.getElementById("finder-status");
    this.notice = document.getElementById("finder-notice");
    this.list = document.getElementById("finder-list");
    this.limit = SHOWN;
    this.more = document.createElement("button");
    this.more.type = "button";
    this.more.className = "md-button finder-more";
    this.more.hidden = true;
    this.list.after(this.more);
    this.listen();
  }

  /* The position of each value of a facet, to read the practices' values. */
  Finder.prototype.positionsOf = function (facet, ids) {
    var values = this.facets[facet] ? this.facets[facet].values : [];
    var wanted = new Set(ids.map(String));
    var found = [];
    values.forEach(function (value, k) {
      if (wanted.has(String(value.id))) found.push(k);
    });
    return found;
  };

  Finder.prototype.label = function (facet, k) {
    return this.facets[facet].values[k].label;
  };

  Finder.prototype.listen = function () {
    var self = this;
    this.form.addEventListener("change", function () {
      self.limit = SHOWN;
      self.render(self.read());
      self.remember("push");
    });
    this.form.addEventListener("reset", function () {
      setTimeout(function () {
        self.limit = SHOWN;
        self.render(self.read());
        self.remember("push");
      }, 0);
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    this.more.addEventListener("click", function () {
      self.limit += SHOWN;
      self.render(self.read());
    });
    window.addEventListener("popstate", function () {
      self.restore();
    });
  };

  Finder.prototype.read = function () {
    var answers = { age: [], group: [], problem: [], effort: "", role: "" };
    Array.prototype.forEach.call(this.form.querySelectorAll("input:checked"), function (input) {
      if (MULTI.indexOf(input.name) >= 0) answers[input.name].push(input.value);
      else if (SINGLE.indexOf(input.name) >= 0) answers[input.name] = input.value;
    });
    return answers;
  };

  Finder.prototype.write = function (answers) {
    Array.prototype.forEach.call(this.form.querySelectorAll("input"), function (input) {
      if (MULTI.indexOf(input.name) >= 0) input.checked = answers[input.name].indexOf(input.value) >= 0;
      else if (SINGLE.indexOf(input.name) >= 0) input.checked = answers[input.name] === input.value;
    });
  };

  /* The answers an address gives, and what it named that is no answer here. */
  Finder.prototype.fromAddress = function (search) {
    var params = new URLSearchParams(String(search).slice(0, MAX_PARAM));
    var answers = { age: [], group: [], problem: [], effort: "", role: "" };
    var offered = {};
    Array.prototype.forEach.call(this.form.querySelectorAll("input"), function (input) {
      (offered[input.name] = offered[input.name] || new Set()).add(input.value);
    });
    var ignored = [];
    MULTI.forEach(function (name) {
      (params.get(name) || "").split(",").forEach(function (value) {
        if (!value) return;
        if (offered[name] && offered[name].has(value)) {
          if (answers[name].indexOf(value) < 0) answers[name].push(value);
        } else ignored.push(value);
      });
    });
    SINGLE.forEach(function (name) {
      var value = params.get(name);
      if (!value) return;
      if (offered[name] && offered[name].has(value)) answers[name] = value;
      else ignored.push(value);
    });
    return { answers: answers, ignored: ignored };
  };

  Finder.prototype.query = function (answers) {
    var parts = [];
    MULTI.forEach(function (name) {
      if (answers[name].length) parts.push(name + "=" + answers[name].map(encodeURIComponent).join(","));
    });
    SINGLE.forEach(function (name) {
      if (answers[name]) parts.push(name + "=" + encodeURIComponent(answers[name]));
    });
    return parts.length ? "?" + parts.join("&") : "";
  };

  Finder.prototype.remember = function (how) {
    var url = location.pathname + this.query(this.read());
    if (url === location.pathname + location.search) return;
    window.history[how === "push" ? "pushState" : "replaceState"](null, "", url);
  };

  Finder.prototype.restore = function () {
    var read = this.fromAddress(location.search);
    this.write(read.answers);
    this.say(read.ignored);
    this.limit = SHOWN;
    this.render(read.answers);
  };

  Finder.prototype.say = function (ignored) {
    this.notice.hidden = !ignored.length;
    this.notice.textContent = ignored.length
      ? nt(
          "The address named an answer the finder does not offer; it was left out: %(values)s.",
          "The address named answers the finder does not offer; they were left out: %(values)s.",
          ignored.length,
          { values: ignored.slice(0, 5).join(", ") + (ignored.length > 5 ? ", …" : "") }
        )
      : "";
  };

  /* Each criterion: the facet it reads, the value positions that fit, and the label of each. */
  Finder.prototype.criteria = function (answers) {
    var criteria = [];
    var self = this;
    if (answers.age.length) criteria.push({ name: "age", facet: "isced", fits: this.positionsOf("isced", answers.age) });
    if (answers.group.length) criteria.push({ name: "group", facet: "group", fits: this.positionsOf("group", answers.group) });
    answers.problem.forEach(function (id) {
      var way = self.problems[id];
      if (way) criteria.push({ name: "problem", facet: way.facet, fits: self.positionsOf(way.facet, way.values), label: way.label });
    });
    if (answers.role && this.roles[answers.role]) {
      var role = this.roles[answers.role];
      criteria.push({ name: "role", facet: role.facet, fits: this.positionsOf(role.facet, role.values), label: role.label });
    }
    return criteria;
  };

  Finder.prototype.rank = function (answers) {
    var criteria = this.criteria(answers);
    var costs = this.practices.facets.cost;
    var effort = answers.effort ? this.positionsOf("cost", [answers.effort])[0] : undefined;
    if (!criteria.length && effort === undefined) return null;
    var ranked = [];
    for (var i = 0; i < this.count; i++) {
      var score = 0;
      var reasons = [];
      for (var c = 0; c < criteria.length; c++) {
        var criterion = criteria[c];
        var values = this.practices.facets[criterion.facet][i];
        var matched = values.filter(function (k) { return criterion.fits.indexOf(k) >= 0; });
        if (!matched.length) continue;
        score += WEIGHTS[criterion.name];
        if (criterion.label) reasons.push(criterion.label);
        else reasons.push.apply(reasons, matched.map(this.label.bind(this, criterion.facet)));
      }
      if (effort !== undefined && costs && costs[i].length) {
        if (costs[i][0] <= effort) {
          score += WEIGHTS.effort;
          reasons.push(this.label("cost", costs[i][0]));
        } else score -= WEIGHTS.effort;
      }
      if (score > 0) ranked.push({ i: i, score: score, reasons: reasons });
    }
    // The evidence facet lists every step of the scale in order: a value's position is its rank.
    var evidence = this.practices.facets.evidence || [];
    function rank(i) {
      return evidence[i] && evidence[i].length ? evidence[i][0] : 0;
    }
    ranked.sort(function (a, b) {
      return b.score - a.score || rank(b.i) - rank(a.i) || a.i - b.i;
    });
    return ranked;
  };

  Finder.prototype.render = function (answers) {
    var ranked = this.rank(answers);
    this.list.textContent = "";
    if (ranked === null) {
      this.status.textContent = t("Answer a question to see the practices that fit.");
      this.more.hidden = true;
      return;
    }
    this.status.textContent = ranked.length
      ? nt("%(count)s practice fits at least one answer, the best first.", "%(count)s practices fit at least one answer, the best first.", ranked.length, { count: number(ranked.length) })
      : t("No practice fits these answers yet. Try fewer answers, or browse every practice.");
    var self = this;
    ranked.slice(0, this.limit).forEach(function (entry) {
      self.list.append(self.item(entry));
    });
    var rest = ranked.length - Math.min(ranked.length, this.limit);
    this.more.hidden = rest <= 0;
    this.more.textContent = t("Show more practices (%(count)s not shown)", { count: number(rest) });
  };

  /* The ages in plain words and the countries, as a card writes them. */
  Finder.prototype.facts = function (i) {
    var facets = this.facets;
    var practices = this.practices;
    function values(key) {
      return (practices.facets[key] ? practices.facets[key][i] : []).map(function (k) { return facets[key].values[k]; });
    }
    var levels = values("isced").map(function (value) { return value.plain; }).join(", ");
    if (!levels && this.data.outside_isced.indexOf(i) >= 0) levels = this.data.outside_isced_label;
    var countries = values("country").map(function (value) { return value.label; }).join(", ");
    return [levels, countries].filter(Boolean).join(" · ");
  };

  Finder.prototype.item = function (entry) {
    var i = entry.i;
    var item = document.createElement("li");
    item.className = "finder-item";
    var heading = document.createElement("h3");
    var link = document.createElement("a");
    link.href = new URL("../" + this.data.url.replace("{id}", this.practices.id[i]), this.dataUrl).href;
    link.textContent = this.practices.title[i];
    if (this.english.has(i)) link.lang = "en";
    heading.append(link);
    var why = document.createElement("p");
    why.className = "finder-why";
    why.textContent = t("Matches: %(reasons)s", { reasons: entry.reasons.join(", ") });
    var glance = document.createElement("p");
    glance.className = "card-glance";
    glance.textContent = this.practices.glance.texts[this.practices.glance.of[i]];
    var facts = document.createElement("p");
    facts.className = "badges";
    facts.textContent = this.facts(i);
    item.append(heading, why, facts, glance);
    return item;
  };

  function start() {
    var root = document.getElementById("finder");
    if (!root || !root.getAttribute("data-src")) return;
    var dataUrl = new URL(root.getAttribute("data-src"), location.href);
    fetch(dataUrl)
      .then(function (response) {
        if (!response.ok) throw new Error(dataUrl + ": " + response.status);
        return response.json();
      })
      .then(function (data) {
        var finder = new Finder(root, data, dataUrl);
        finder.restore();
        root.classList.add("finder-ready");
      })
      .catch(function (error) {
        root.classList.add("finder-failed");
        if (window.console) console.error("finder:", error);
      });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
