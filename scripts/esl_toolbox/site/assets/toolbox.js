/* The toolbox page: filter the practice cards by facets and words, with the state in the address.
 *
 * Within a facet, values combine with OR; facets, the words and "reviewed only" combine with AND.
 * Every facet value holds a bit set of practice indexes, so a change costs a few thousand word
 * operations however many practices there are, and only the cards that change are touched.
 */
(function () {
  "use strict";

  var FACETS = ["type", "isced", "group", "country", "level", "evidence"];
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

  function buildIndex(practices) {
    var n = practices.length;
    var index = { n: n, all: fullSet(n), values: {}, reviewed: emptySet(n), texts: [], textCache: {} };
    FACETS.forEach(function (facet) {
      index.values[facet] = new Map();
    });
    practices.forEach(function (practice, i) {
      FACETS.forEach(function (facet) {
        [].concat(practice[facet] == null ? [] : practice[facet]).forEach(function (value) {
          var set = index.values[facet].get(String(value));
          if (!set) index.values[facet].set(String(value), (set = emptySet(n)));
          add(set, i);
        });
      });
      if (practice.reviewed === true) add(index.reviewed, i);
      index.texts.push(" " + wordsOf(practice.text || practice.title + " " + practice.summary).join(" "));
    });
    return index;
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

  /* The page. */

  function Toolbox(root, data) {
    this.root = root;
    this.practices = data.practices;
    this.index = buildIndex(data.practices);
    this.form = document.getElementById("toolbox-filters");
    this.search = document.getElementById("toolbox-q");
    this.status = document.getElementById("toolbox-status");
    this.list = document.getElementById("toolbox-results");
    this.dataUrl = new URL(root.getAttribute("data-src"), location.href);
    var title = this.list.querySelector(".practice-card__title");
    this.headingTag = title ? title.tagName.toLowerCase() : "h2";
    this.limit = PAGE;
    this.typingTimer = 0;
    this.typingEntry = false; // the current history entry was made by typing
    this.cards = this.practices.map(function () { return null; });
    var position = new Map();
    this.practices.forEach(function (practice, i) {
      position.set(practice.id, i);
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
    this.limit = PAGE;
    this.render(evaluate(this.index, state), state);
    if (history) {
      // Written just after the cards: on a slow phone a history entry costs several milliseconds.
      setTimeout(this.remember.bind(this, state, history), 0);
      this.typingEntry = false;
    }
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
    }
    var total = this.practices.length;
    var wanted = result.matches.slice(0, this.limit).map(this.cardFor, this);
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
    var text = result.matches.length + " of " + plural(total);
    if (this.status.textContent !== text) this.status.textContent = text;
    this.done.textContent = "Show " + plural(result.matches.length);
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

  /* A card from the page, or one made from the data when the page does not hold it. */
  Toolbox.prototype.cardFor = function (i) {
    if (this.cards[i]) return this.cards[i];
    var practice = this.practices[i];
    var card = element("li", "practice-card");
    card.setAttribute("data-practice-id", practice.id);
    card.setAttribute("data-review", practice.reviewed ? "reviewed" : "submitted");
    var heading = element(this.headingTag, "practice-card__title");
    var link = element("a", "");
    // Practice addresses are relative to the site root, the folder above data/.
    link.href = new URL("../" + practice.url, this.dataUrl).href;
    link.textContent = practice.title;
    heading.append(link);
    var summary = element("p", "practice-card__summary");
    summary.textContent = practice.summary || "";
    card.append(heading, summary);
    this.cards[i] = card;
    return card;
  };

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
    fetch(new URL(root.getAttribute("data-src"), location.href))
      .then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.statusText);
        return response.json();
      })
      .then(function (data) {
        if (!root.isConnected) return;
        var toolbox = new Toolbox(root, data);
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
