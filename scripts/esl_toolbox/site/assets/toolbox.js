/* The toolbox page: filter the practice cards by facets and words, with the state in the address.
 *
 * Within a facet, values combine with OR; facets, the words and "reviewed only" combine with AND.
 * Every facet value holds a bit set of practice indexes, so a change costs a few thousand word
 * operations however many practices there are, and only the cards that change are touched.
 *
 * data/toolbox.json, loaded up front, holds what filtering and a card's heading and badges need
 * (see toolbox_data in site/data.py). The summaries come in chunk files, fetched for the cards
 * shown, and all at once when a visitor first types words: words match titles and summaries.
 */
(function () {
  "use strict";

  var FACETS = []; // the facet keys, in the order of the data file; set when it has loaded
  var PAGE = 50; // cards shown at once; "Show more" adds as many again
  var TYPING_DELAY = 400; // ms the address waits for typing to pause

  /* Bit sets of practice indexes, 32 per word. */

  function emptySet(n) {
    return new Uint32Array((n + 31) >>> 5);
  }

  function fullSet(n) {
    var set = emptySet(n).fill(0xffffffff);
    if (n & 31) set[set.length - 1] = (1 << (n & 31)) - 1;
    return set;
  }

  function add(set, i) {
    set[i >>> 5] |= 1 << (i & 31);
  }

  function andInto(target, other) {
    for (var w = 0; w < target.length; w++) target[w] &= other[w];
    return target;
  }

  function orInto(target, other) {
    for (var w = 0; w < target.length; w++) target[w] |= other[w];
    return target;
  }

  function bitCount(x) {
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }

  function countAnd(a, b) {
    var total = 0;
    for (var w = 0; w < a.length; w++) total += bitCount(a[w] & b[w]);
    return total;
  }

  function members(set) {
    var out = [];
    for (var w = 0; w < set.length; w++) {
      for (var word = set[w]; word; word &= word - 1) out.push((w << 5) + 31 - Math.clz32(word & -word));
    }
    return out;
  }

  /* Words: case- and accent-insensitive, split on anything that is not a letter or digit. */

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function wordsOf(text) {
    return fold(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  }

  /* The index: one bit set per facet value, the reviewed set and the folded texts. */

  function buildIndex(data) {
    var practices = data.practices;
    var n = practices.id.length;
    var index = { n: n, all: fullSet(n), values: {}, reviewed: emptySet(n), texts: [], textCache: {} };
    data.facets.forEach(function (facet) {
      // The data gives each practice's values as positions in the facet's list of values.
      var sets = facet.values.map(function () { return emptySet(n); });
      practices.facets[facet.key].forEach(function (positions, i) {
        for (var k = 0; k < positions.length; k++) add(sets[positions[k]], i);
      });
      index.values[facet.key] = new Map(facet.values.map(function (value, k) { return [String(value.id), sets[k]]; }));
    });
    practices.status.forEach(function (status, i) {
      if (data.statuses[status] === "reviewed") add(index.reviewed, i);
    });
    setTexts(index, practices.title, []);
    return index;
  }

  /* The words each practice is found by: its title, and its summary once the summaries are in. */
  function setTexts(index, titles, summaries) {
    index.texts = titles.map(function (title, i) {
      return " " + wordsOf(title + " " + (summaries[i] || "")).join(" ");
    });
    index.textCache = {};
  }

  function textMatches(index, query) {
    var words = wordsOf(query);
    var key = words.join(" ");
    if (!words.length) return null;
    if (!index.textCache[key]) {
      var set = emptySet(index.n);
      index.texts.forEach(function (text, i) {
        if (words.every(function (word) { return text.indexOf(word) >= 0; })) add(set, i);
      });
      index.textCache = {}; // keep only the latest query
      index.textCache[key] = set;
    }
    return index.textCache[key];
  }

  /* State: the selected values of each facet, the words and "reviewed only". */

  function emptyState() {
    var state = { facets: {}, q: "", reviewed: false };
    FACETS.forEach(function (facet) {
      state.facets[facet] = [];
    });
    return state;
  }

  function isFiltered(state) {
    return state.q.trim() !== "" || state.reviewed || FACETS.some(function (f) { return state.facets[f].length; });
  }

  function stateFromQuery(search) {
    var params = new URLSearchParams(search);
    var state = emptyState();
    FACETS.forEach(function (facet) {
      params.getAll(facet).forEach(function (list) {
        list.split(",").forEach(function (value) {
          if (value && state.facets[facet].indexOf(value) < 0) state.facets[facet].push(value);
        });
      });
    });
    state.q = params.get("q") || "";
    state.reviewed = params.get("reviewed") === "1";
    return state;
  }

  function queryFromState(state) {
    var parts = [];
    FACETS.forEach(function (facet) {
      if (state.facets[facet].length) parts.push(facet + "=" + state.facets[facet].map(encodeURIComponent).join(","));
    });
    if (state.q.trim()) parts.push("q=" + encodeURIComponent(state.q.trim()));
    if (state.reviewed) parts.push("reviewed=1");
    return parts.length ? "?" + parts.join("&") : "";
  }

  /* Which practices match, and how many each value would give. */

  function facetMask(index, state, facet) {
    var selected = state.facets[facet];
    if (!selected.length) return null;
    var mask = emptySet(index.n);
    selected.forEach(function (value) {
      var set = index.values[facet].get(value);
      if (set) orInto(mask, set);
    });
    return mask;
  }

  function evaluate(index, state) {
    var base = index.all.slice();
    var words = textMatches(index, state.q);
    if (words) andInto(base, words);
    if (state.reviewed) andInto(base, index.reviewed);
    var masks = {};
    FACETS.forEach(function (facet) {
      masks[facet] = facetMask(index, state, facet);
    });
    var result = base.slice();
    var counts = {};
    FACETS.forEach(function (facet) {
      if (masks[facet]) andInto(result, masks[facet]);
      // Standard faceted counts: what adding this value would give, keeping the other facets.
      var others = base.slice();
      FACETS.forEach(function (other) {
        if (other !== facet && masks[other]) andInto(others, masks[other]);
      });
      counts[facet] = {};
      index.values[facet].forEach(function (set, value) {
        counts[facet][value] = countAnd(others, set);
      });
    });
    return { matches: members(result), counts: counts };
  }

  /* The summaries, fetched a chunk at a time and each chunk once; onChunk(first, texts) hears of each. */

  function Summaries(data, dataUrl, onChunk) {
    this.count = data.practices.id.length;
    this.size = data.summaries.chunk;
    this.file = data.summaries.file;
    this.dataUrl = dataUrl;
    this.onChunk = onChunk;
    this.texts = [];
    this.requests = [];
  }

  Summaries.prototype.has = function (i) {
    return this.texts[i] !== undefined;
  };

  Summaries.prototype.chunk = function (n) {
    if (!this.requests[n]) {
      var self = this;
      // File names are relative to data/, like data/toolbox.json's own address.
      var url = new URL(this.file.replace("{chunk}", n), this.dataUrl);
      this.requests[n] = fetchJson(url).then(function (texts) {
        var first = n * self.size;
        texts.forEach(function (text, k) {
          self.texts[first + k] = text;
        });
        self.onChunk(first, texts);
      });
      this.requests[n].catch(function () {
        delete self.requests[n]; // a later need tries again
      });
    }
    return this.requests[n];
  };

  /* Fetch the chunks that hold these practices' summaries. */
  Summaries.prototype.need = function (positions) {
    var chunks = new Set();
    positions.forEach(function (i) {
      if (!this.has(i)) chunks.add(Math.floor(i / this.size));
    }, this);
    chunks.forEach(function (n) {
      this.chunk(n).catch(report);
    }, this);
  };

  Summaries.prototype.all = function () {
    if (!this.everything) {
      var chunks = [];
      for (var n = 0; n * this.size < this.count; n++) chunks.push(this.chunk(n));
      var self = this;
      this.everything = Promise.all(chunks);
      this.everything.catch(function () {
        delete self.everything;
      });
    }
    return this.everything;
  };

  /* The page. */

  function Toolbox(root, data, dataUrl) {
    this.root = root;
    this.data = data;
    this.practices = data.practices;
    this.count = data.practices.id.length;
    this.index = buildIndex(data);
    this.values = {}; // facet key -> its values, as the data lists them
    data.facets.forEach(function (facet) {
      this.values[facet.key] = facet.values;
    }, this);
    this.summaryElements = {}; // practice index -> the empty summary of a card made from the data
    this.summaries = new Summaries(data, dataUrl, this.fillSummaries.bind(this));
    this.words = "idle"; // whether words match summaries too: "idle", "loading", "ready" or "failed"
    this.form = document.getElementById("toolbox-filters");
    this.search = document.getElementById("toolbox-q");
    this.status = document.getElementById("toolbox-status");
    this.list = document.getElementById("toolbox-results");
    this.dataUrl = dataUrl;
    var title = this.list.querySelector(".practice-card > :is(h2, h3)");
    this.headingTag = title ? title.tagName.toLowerCase() : "h2";
    this.limit = PAGE;
    this.typingTimer = 0;
    this.typingEntry = false; // the current history entry was made by typing
    this.cards = this.practices.id.map(function () { return null; });
    var position = new Map();
    this.practices.id.forEach(function (id, i) {
      position.set(id, i);
    });
    var cards = this.cards;
    this.shown = Array.prototype.slice.call(this.list.querySelectorAll(".practice-card[data-practice-id]"));
    this.shown.forEach(function (card) {
      var i = position.get(card.getAttribute("data-practice-id"));
      if (i !== undefined) cards[i] = card;
    });
    this.counters = Array.prototype.map.call(this.form.querySelectorAll(".facet-count"), function (el) {
      return {
        el: el,
        facet: el.getAttribute("data-facet"),
        value: el.getAttribute("data-value"),
        label: el.closest("label"),
      };
    });
    this.addControls();
    this.listen();
  }

  Toolbox.prototype.addControls = function () {
    var form = this.form;
    var facets = form.querySelectorAll("fieldset.facet");
    var bar = document.createElement("div");
    bar.className = "toolbox-bar";
    this.toggle = button("Filters", "toolbox-toggle");
    this.toggle.setAttribute("aria-expanded", "false");
    this.clear = button("Clear filters", "toolbox-clear");
    bar.append(this.toggle, this.clear);
    if (facets.length) facets[0].before(bar);
    else form.append(bar);
    form.classList.add("toolbox-js", "toolbox-collapsed");
    // At the end of the unfolded facets on a phone: back to the results without scrolling.
    this.done = button("Show the practices", "toolbox-done");
    form.append(this.done);
    this.more = button("Show more practices", "toolbox-more");
    this.more.hidden = true;
    this.list.after(this.more);
  };

  Toolbox.prototype.listen = function () {
    var self = this;
    this.form.addEventListener("change", function (event) {
      if (event.target === self.search) return;
      self.flushTyping();
      self.update("push");
    });
    this.form.addEventListener("input", function (event) {
      if (event.target !== self.search) return;
      self.update(null);
      clearTimeout(self.typingTimer);
      self.typingTimer = setTimeout(function () { self.flushTyping(); }, TYPING_DELAY);
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.flushTyping();
    });
    this.toggle.addEventListener("click", function () {
      self.unfold(self.toggle.getAttribute("aria-expanded") !== "true");
    });
    this.done.addEventListener("click", function () {
      self.unfold(false);
      self.toggle.focus();
    });
    this.clear.addEventListener("click", function () {
      self.flushTyping();
      self.writeForm(emptyState());
      self.update("push");
    });
    this.more.addEventListener("click", function () {
      var before = self.shown.length;
      self.limit += PAGE;
      self.render(self.lastResult);
      var first = self.shown[before] && self.shown[before].querySelector("a");
      if (first) first.focus();
    });
  };

  Toolbox.prototype.unfold = function (open) {
    this.form.classList.toggle("toolbox-collapsed", !open);
    this.toggle.setAttribute("aria-expanded", String(open));
  };

  Toolbox.prototype.readForm = function () {
    var state = emptyState();
    Array.prototype.forEach.call(this.form.querySelectorAll("input[type=checkbox]:checked"), function (box) {
      if (state.facets[box.name]) state.facets[box.name].push(box.value);
      else if (box.name === "reviewed") state.reviewed = true;
    });
    state.q = this.search ? this.search.value : "";
    return state;
  };

  Toolbox.prototype.writeForm = function (state) {
    Array.prototype.forEach.call(this.form.querySelectorAll("input[type=checkbox]"), function (box) {
      box.checked = state.facets[box.name]
        ? state.facets[box.name].indexOf(box.value) >= 0
        : box.name === "reviewed" && state.reviewed;
    });
    if (this.search) this.search.value = state.q;
  };

  /* Filter and render from the form; history is "push", "replace" or null (address unchanged). */
  Toolbox.prototype.update = function (history) {
    var state = this.readForm();
    if (wordsOf(state.q).length && (this.words === "idle" || this.words === "failed")) this.loadWords();
    this.limit = PAGE;
    this.render(evaluate(this.index, state), state);
    if (history) {
      // Written just after the cards: on a slow phone a history entry costs several milliseconds.
      setTimeout(this.remember.bind(this, state, history), 0);
      this.typingEntry = false;
    }
  };

  /* The first words typed fetch every summary; until they are in, words match the titles only. */
  Toolbox.prototype.loadWords = function () {
    var self = this;
    this.words = "loading";
    this.summaries.all().then(
      function () {
        setTexts(self.index, self.practices.title, self.summaries.texts);
        self.words = "ready";
        self.root.classList.add("toolbox-summaries-loaded");
        if (self.root.isConnected) self.renderForm();
      },
      function (error) {
        self.words = "failed";
        report(error);
        if (self.root.isConnected) self.renderForm();
      }
    );
  };

  /* Filter again without touching the address or the number of cards shown. */
  Toolbox.prototype.renderForm = function () {
    var state = this.readForm();
    this.render(evaluate(this.index, state), state);
  };

  Toolbox.prototype.remember = function (state, how) {
    var url = location.pathname + queryFromState(state) + location.hash;
    if (url === location.pathname + location.search + location.hash) return false;
    window.history[how === "push" ? "pushState" : "replaceState"](null, "", url);
    return true;
  };

  Toolbox.prototype.flushTyping = function () {
    if (!this.typingTimer) return;
    clearTimeout(this.typingTimer);
    this.typingTimer = 0;
    // The first pause in a burst of typing makes a history entry, later ones amend it.
    if (this.remember(this.readForm(), this.typingEntry ? "replace" : "push")) this.typingEntry = true;
  };

  Toolbox.prototype.restore = function () {
    clearTimeout(this.typingTimer);
    this.typingTimer = 0;
    this.typingEntry = false;
    this.writeForm(stateFromQuery(location.search));
    this.update(null);
  };

  Toolbox.prototype.render = function (result, state) {
    this.lastResult = result;
    if (state) {
      this.renderCounts(result.counts);
      var active = FACETS.reduce(function (sum, f) { return sum + state.facets[f].length; }, 0);
      this.toggle.textContent = active ? "Filters (" + active + ")" : "Filters";
      this.root.classList.toggle("toolbox-filtered", isFiltered(state));
      this.searching = wordsOf(state.q).length > 0;
    }
    var positions = result.matches.slice(0, this.limit);
    var wanted = positions.map(this.cardFor, this);
    var keep = new Set(wanted);
    this.shown.forEach(function (card) {
      if (!keep.has(card)) card.hidden = true;
    });
    var previous = null;
    var list = this.list;
    wanted.forEach(function (card) {
      // Keep shown cards in catalogue order; cards made from the data go where they belong.
      if (!card.isConnected) previous ? previous.after(card) : list.prepend(card);
      else if (previous && !(previous.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING)) {
        previous.after(card);
      }
      card.hidden = false;
      previous = card;
    });
    this.shown = wanted;
    var hiddenMatches = result.matches.length - wanted.length;
    this.more.hidden = hiddenMatches <= 0;
    this.more.textContent = "Show more practices (" + hiddenMatches + " not shown)";
    var text = this.statusText(result.matches.length);
    if (this.status.textContent !== text) this.status.textContent = text;
    this.summaries.need(positions.filter(function (i) { return this.summaryElements[i]; }, this));
    this.done.textContent = "Show " + plural(result.matches.length);
  };

  /* "12 of 300 practices", and whether words searched the summaries too. */
  Toolbox.prototype.statusText = function (matches) {
    var text = matches + " of " + plural(this.count);
    if (!this.searching) return text;
    if (this.words === "loading") return "Searching the titles while the summaries load… " + text;
    if (this.words === "failed") return text + " (words searched in the titles only: the summaries did not load)";
    return text;
  };

  Toolbox.prototype.renderCounts = function (counts) {
    this.counters.forEach(function (counter) {
      var facetCounts = counts[counter.facet] || {};
      var count = facetCounts[counter.value] || 0;
      var text = String(count);
      if (counter.el.textContent !== text) counter.el.textContent = text;
      if (counter.label) counter.label.classList.toggle("facet-value--none", count === 0);
    });
  };

  /* A card from the page, or one made from the data when the page does not hold it: the markup
   * of the card macro in templates/_macros.html.j2 (a browser test compares the two). */
  Toolbox.prototype.cardFor = function (i) {
    if (this.cards[i]) return this.cards[i];
    var id = this.practices.id[i];
    var status = this.data.statuses[this.practices.status[i]];
    var card = element("li", status === "reviewed" ? "practice-card" : "practice-card practice-card--submitted");
    card.setAttribute("data-practice-id", id);
    card.setAttribute("data-review", status);
    var heading = element(this.headingTag, "");
    var link = element("a", "");
    // Practice addresses are relative to the site root, the folder above data/.
    link.href = new URL("../" + this.data.url.replace("{id}", id), this.dataUrl).href;
    link.textContent = this.practices.title[i];
    heading.append(link);
    var summary = element("p", "");
    if (this.summaries.has(i)) summary.textContent = this.summaries.texts[i];
    else this.summaryElements[i] = summary; // filled when its chunk arrives
    var glance = element("p", "card-glance");
    glance.textContent = this.practices.glance.texts[this.practices.glance.of[i]];
    card.append(heading, summary, this.badges(i, status), glance);
    this.cards[i] = card;
    return card;
  };

  /* The intervention types as badges, then "ISCED 1, 2 · Country, Country", then "Not yet reviewed". */
  Toolbox.prototype.badges = function (i, status) {
    var badges = element("p", "badges");
    this.valuesOf("type", i).forEach(function (value) {
      var badge = element("span", "badge badge--type");
      badge.textContent = value.label;
      badges.append(badge, " ");
    });
    var isced = this.valuesOf("isced", i).map(function (value) { return value.id; }).join(", ");
    var countries = this.valuesOf("country", i).map(function (value) { return value.label; }).join(", ");
    badges.append((isced ? "ISCED " + isced : "") + (isced && countries ? " · " : "") + countries);
    if (status !== "reviewed") {
      var review = element("span", "badge badge--submitted");
      review.textContent = "Not yet reviewed";
      badges.append(" ", review);
    }
    return badges;
  };

  /* A practice's values of one facet, in the record's order. */
  Toolbox.prototype.valuesOf = function (facet, i) {
    var values = this.values[facet];
    if (!values) return [];
    return this.practices.facets[facet][i].map(function (k) { return values[k]; });
  };

  Toolbox.prototype.fillSummaries = function (first, texts) {
    for (var k = 0; k < texts.length; k++) {
      var summary = this.summaryElements[first + k];
      if (!summary) continue;
      summary.textContent = texts[k];
      delete this.summaryElements[first + k];
    }
  };

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status + " " + response.statusText);
      return response.json();
    });
  }

  function report(error) {
    if (window.console) console.error("toolbox:", error);
  }

  function element(tag, className) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    return el;
  }

  function plural(count) {
    return count + (count === 1 ? " practice" : " practices");
  }

  function button(text, className) {
    var el = element("button", className);
    el.type = "button";
    el.textContent = text;
    return el;
  }

  /* Material's search results wrap each result's tags in a <nav>: a crowd of unnamed landmarks
   * that only adds noise for screen readers (axe: landmark-unique). They become plain groups. */
  function quietSearchTags() {
    var list = document.querySelector(".md-search-result__list");
    if (!list || list.hasAttribute("data-quiet-tags") || !window.MutationObserver) return;
    list.setAttribute("data-quiet-tags", "");
    new MutationObserver(function () {
      list.querySelectorAll("nav.md-tags:not([role])").forEach(function (nav) {
        nav.setAttribute("role", "none");
      });
    }).observe(list, { childList: true, subtree: true });
  }

  /* Start-up: on every page Material shows (instant navigation) or once on load. */

  var current = null;

  function start() {
    quietSearchTags();
    var root = document.getElementById("toolbox");
    current = null;
    if (!root || !root.getAttribute("data-src")) return;
    var dataUrl = new URL(root.getAttribute("data-src"), location.href);
    fetchJson(dataUrl)
      .then(function (data) {
        if (!root.isConnected) return;
        FACETS = data.facets.map(function (facet) { return facet.key; });
        var toolbox = new Toolbox(root, data, dataUrl);
        current = toolbox;
        var fromAddress = stateFromQuery(location.search);
        // Words that overrides/main.html kept away from Material's search (it opens on ?q=).
        if (typeof window.__toolboxWords === "string") fromAddress.q = window.__toolboxWords;
        delete window.__toolboxWords;
        // An address with filters wins; otherwise keep what the browser restored in the form.
        if (isFiltered(fromAddress)) toolbox.writeForm(fromAddress);
        toolbox.update("replace");
        root.classList.add("toolbox-ready");
      })
      .catch(function (error) {
        root.classList.add("toolbox-failed");
        if (window.console) console.error("toolbox: could not load the practices:", error);
      });
  }

  window.addEventListener("popstate", function () {
    if (current && current.root.isConnected) current.restore();
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
