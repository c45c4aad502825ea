/* Compare practices side by side: /compare/?ids=a,b,c.
 *
 * The ids come from the address and are untrusted: only ids of practices in the toolbox are taken,
 * each once, at most four; anything else is named in a plain message. Every text reaches the page as
 * text (textContent), never as HTML. The practices' facts come from data/toolbox/compare-*.json, in
 * the page's language, as their pages write them.
 */
(function () {
  "use strict";

  var t = window.eslText.t;
  var nt = window.eslText.nt;

  var MAX = 4;
  var MAX_PARAM = 2000;
  var SOURCES_SHOWN = 3;

  function Compare(root, data, dataUrl) {
    this.root = root;
    this.data = data;
    this.dataUrl = dataUrl;
    this.position = new Map();
    data.practices.id.forEach(function (id, i) {
      this.position.set(id, i);
    }, this);
    this.chunks = {};
    this.notice = document.getElementById("compare-notice");
    this.table = document.getElementById("compare-table");
    this.choice = document.getElementById("compare-choice");
    this.add = document.getElementById("compare-add");
    this.ids = [];
    this.fillChoice();
    this.listen();
  }

  Compare.prototype.fillChoice = function () {
    var titles = this.data.practices.title;
    var english = new Set(this.data.practices.english_titles || []);
    this.data.practices.id.forEach(function (id, i) {
      var option = document.createElement("option");
      option.value = id;
      option.textContent = titles[i];
      if (english.has(i)) option.lang = "en";
      this.choice.append(option);
    }, this);
  };

  Compare.prototype.listen = function () {
    var self = this;
    this.add.addEventListener("submit", function (event) {
      event.preventDefault();
      var id = self.choice.value;
      if (!id || self.ids.indexOf(id) >= 0) return;
      if (self.ids.length >= MAX) {
        self.say([t("You can compare up to four practices; remove one first.")]);
        return;
      }
      self.show(self.ids.concat([id]), "push");
    });
    this.table.addEventListener("click", function (event) {
      var remove = event.target.closest("button[data-remove]");
      if (!remove) return;
      var id = remove.getAttribute("data-remove");
      self.show(self.ids.filter(function (other) { return other !== id; }), "push");
      self.choice.focus();
    });
    document.getElementById("compare-print").addEventListener("click", function () {
      window.print();
    });
    var copy = document.getElementById("compare-copy");
    if (navigator.clipboard && window.isSecureContext) {
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(location.href).then(function () {
          copy.textContent = t("Link copied");
        });
      });
    } else copy.hidden = true;
    window.addEventListener("popstate", function () {
      self.fromAddress();
    });
  };

  /* The ids an address asks for: known, each once, at most MAX; and what was left out, said plainly. */
  Compare.prototype.read = function (search) {
    var params = new URLSearchParams(String(search).slice(0, MAX_PARAM));
    var asked = (params.get("ids") || "").split(",").map(function (id) { return id.trim(); }).filter(Boolean);
    var ids = [];
    var problems = [];
    var unknown = [];
    var extra = 0;
    asked.forEach(function (id) {
      if (!this.position.has(id)) unknown.push(id);
      else if (ids.indexOf(id) >= 0) return;
      else if (ids.length >= MAX) extra++;
      else ids.push(id);
    }, this);
    if (unknown.length) {
      problems.push(
        nt(
          "No practice has this id, so it is left out: %(ids)s.",
          "No practice has these ids, so they are left out: %(ids)s.",
          unknown.length,
          { ids: unknown.slice(0, 5).map(function (id) { return id.slice(0, 60); }).join(", ") + (unknown.length > 5 ? ", …" : "") }
        )
      );
    }
    if (extra) problems.push(t("Only the first four practices are compared."));
    return { ids: ids, problems: problems };
  };

  Compare.prototype.fromAddress = function () {
    var read = this.read(location.search);
    this.say(read.problems);
    return this.show(read.ids, null);
  };

  Compare.prototype.say = function (problems) {
    this.notice.hidden = !problems.length;
    this.notice.textContent = problems.join(" ");
  };

  Compare.prototype.chunk = function (n) {
    if (!this.chunks[n]) {
      var url = new URL(this.data.compare.file.replace("{chunk}", n), this.dataUrl);
      this.chunks[n] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      });
    }
    return this.chunks[n];
  };

  Compare.prototype.entry = function (id) {
    var i = this.position.get(id);
    var size = this.data.compare.chunk;
    return this.chunk(Math.floor(i / size)).then(function (chunk) {
      return { rows: chunk.rows, practice: chunk.practices[i % size] };
    });
  };

  Compare.prototype.show = function (ids, history) {
    this.ids = ids;
    if (history) {
      var url = location.pathname + (ids.length ? "?ids=" + ids.map(encodeURIComponent).join(",") : "");
      window.history[history === "push" ? "pushState" : "replaceState"](null, "", url);
    }
    var self = this;
    return Promise.all(ids.map(this.entry, this)).then(
      function (entries) {
        if (self.ids !== ids) return;
        self.render(entries);
      },
      function (error) {
        self.say([t("The practices could not be loaded; try again later.")]);
        if (window.console) console.error("compare:", error);
      }
    );
  };

  Compare.prototype.render = function (entries) {
    this.table.textContent = "";
    if (!entries.length) {
      var help = document.createElement("p");
      help.className = "compare-empty";
      help.textContent = t("No practice chosen yet. Add one above, or tick “Compare” on practices in the list of all practices.");
      this.table.append(help);
      return;
    }
    var table = document.createElement("table");
    table.className = "compare-grid compare-grid--" + entries.length;
    var caption = document.createElement("caption");
    caption.className = "esl-visually-hidden";
    caption.textContent = t("The practices compared");
    table.append(caption);
    var head = document.createElement("thead");
    var headRow = document.createElement("tr");
    var corner = document.createElement("td");
    headRow.append(corner);
    var base = this.dataUrl;
    var url = this.data.url;
    function pageOf(practice) {
      return new URL("../" + url.replace("{id}", practice.id), base).href;
    }
    entries.forEach(function (entry) {
      var practice = entry.practice;
      var th = document.createElement("th");
      th.scope = "col";
      var link = document.createElement("a");
      link.href = pageOf(practice);
      setText(link, practice.title);
      var summary = document.createElement("p");
      summary.className = "compare-summary";
      setText(summary, practice.summary);
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "compare-remove";
      remove.setAttribute("data-remove", practice.id);
      remove.textContent = t("Remove");
      remove.setAttribute("aria-label", t("Remove %(title)s from the comparison", { title: textOf(practice.title) }));
      th.append(link, summary, remove);
      headRow.append(th);
    });
    head.append(headRow);
    table.append(head);
    var body = document.createElement("tbody");
    entries[0].rows.forEach(function (row) {
      var tr = document.createElement("tr");
      var th = document.createElement("th");
      th.scope = "row";
      th.textContent = row.label;
      tr.append(th);
      entries.forEach(function (entry) {
        var td = document.createElement("td");
        td.setAttribute("data-label", row.label);
        fill(td, entry.practice.rows[row.key], row.key, pageOf(entry.practice));
        tr.append(td);
      });
      body.append(tr);
    });
    table.append(body);
    this.table.append(table);
    if (entries.length === 1) {
      var more = document.createElement("p");
      more.className = "compare-empty";
      more.textContent = t("Add at least one more practice to compare.");
      this.table.append(more);
    }
  };

  function textOf(value) {
    return Array.isArray(value) ? value[1] : value;
  }

  function setText(element, value) {
    element.textContent = textOf(value);
    if (Array.isArray(value)) element.lang = value[0];
  }

  /* A cell: a text, the steps to start (a list), or the sources as links (web addresses only). Past
     SOURCES_SHOWN, a line links to the practice's page, which lists them all: the comparison stays on
     one screen and one printed page. */
  function fill(cell, value, key, page) {
    if (key === "sources" && Array.isArray(value)) {
      var sources = document.createElement("ul");
      value.slice(0, SOURCES_SHOWN).forEach(function (source) {
        var item = document.createElement("li");
        if (source.url && /^https?:\/\//.test(source.url)) {
          var link = document.createElement("a");
          link.href = source.url;
          link.rel = "noopener";
          link.textContent = source.title;
          item.append(link);
        } else item.textContent = source.title;
        sources.append(item);
      });
      cell.append(sources);
      if (value.length > SOURCES_SHOWN) {
        var more = document.createElement("a");
        more.href = page;
        more.className = "compare-more";
        var left = value.length - SOURCES_SHOWN;
        more.textContent = nt("and %(num)s more source on the practice's page", "and %(num)s more sources on the practice's page", left);
        cell.append(more);
      }
    } else if (key === "start" && Array.isArray(value)) {
      var steps = document.createElement("ol");
      value.forEach(function (step) {
        var item = document.createElement("li");
        setText(item, step);
        steps.append(item);
      });
      cell.append(steps);
    } else setText(cell, value);
  }

  function start() {
    var root = document.getElementById("compare");
    if (!root || !root.getAttribute("data-src")) return;
    var dataUrl = new URL(root.getAttribute("data-src"), location.href);
    fetch(dataUrl)
      .then(function (response) {
        if (!response.ok) throw new Error(dataUrl + ": " + response.status);
        return response.json();
      })
      .then(function (data) {
        // "ready" once the practices in the address are shown, so that a test or a print sees them.
        return new Compare(root, data, dataUrl).fromAddress();
      })
      .then(function () {
        root.classList.add("compare-ready");
      })
      .catch(function (error) {
        root.classList.add("compare-failed");
        if (window.console) console.error("compare:", error);
      });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
