/* The toolbox page: one search for words and filters together, with the state in the address.
 *
 * Within a facet, values combine with OR; facets, the words and "reviewed only" combine with AND.
 * Every facet value holds a bit set of practice indexes, so a change costs a few thousand word
 * operations however many practices there are, and only the cards that change are touched.
 *
 * Words are searched with Pagefind, the site's search index in the page's language (stemmed, every
 * word of every practice); each practice page carries a filter with its id, so one search answers
 * with the ids it matched without loading any result. Where there is no index (`esl-toolbox serve`)
 * words match the titles and summaries instead.
 *
 * data/toolbox.json, loaded up front, holds what filtering, sorting and a card need (see site/data.py).
 * The summaries come in chunk files, fetched for the cards shown.
 *
 * Everything read from the address is untrusted: values that are not terms are dropped and named in
 * a message, and no text from it is ever written into the page as HTML.
 */
(function () {
  "use strict";

  var t = window.eslText.t;
  var nt = window.eslText.nt;
  var number = window.eslText.number;

  var FACETS = []; // the facet keys, in the order of the data file; set when it has loaded
  var PAGE = 50; // cards shown at once; "Show more" adds as many again
  var PRINT_LIMIT = 300; // cards a print of the results holds at most
  var COMPARE_MAX = 4;
  var TYPING_DELAY = 400; // ms the address waits for typing to pause
  var SORTS = ["title", "newest", "evidence"];
  var MAX_PARAM = 2000; // characters of the address read at most, whatever it holds

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

  function has(set, i) {
    return (set[i >>> 5] & (1 << (i & 31))) !== 0;
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

  function countOf(set) {
    var total = 0;
    for (var w = 0; w < set.length; w++) total += bitCount(set[w]);
    return total;
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

  function plainText(value) {
    return Array.isArray(value) ? value[1] : value; // ["en", text]: a text shown in English
  }

  /* The index: one bit set per facet value, the reviewed set, and the orders to sort by. */

  function buildIndex(data) {
    var practices = data.practices;
    var n = practices.id.length;
    var index = { n: n, all: fullSet(n), values: {}, reviewed: emptySet(n), texts: [], textCache: {}, position: new Map() };
    practices.id.forEach(function (id, i) {
      index.position.set(id, i);
    });
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
    var titleOrder = practices.id.map(function (_, i) { return i; });
    // The evidence facet lists every step of the scale in order: a value's position is its rank.
    var evidence = practices.facets.evidence || [];
    function rankOf(i) {
      return evidence[i] && evidence[i].length ? evidence[i][0] : 0;
    }
    index.order = {
      title: titleOrder,
      newest: titleOrder.slice().sort(function (a, b) { return practices.added[b] - practices.added[a] || a - b; }),
      evidence: titleOrder.slice().sort(function (a, b) { return rankOf(b) - rankOf(a) || a - b; }),
    };
    setTexts(index, practices.title, []);
    return index;
  }

  /* The words each practice is found by without a search index: its title, and its summary once in. */
  function setTexts(index, titles, summaries) {
    index.texts = titles.map(function (title, i) {
      return " " + wordsOf(title + " " + (plainText(summaries[i]) || "")).join(" ");
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

  /* The site's search index (Pagefind), loaded on the first words; null where there is none. */

  function SearchIndex(url) {
    this.url = url;
    this.loading = null;
    this.cache = {};
  }

  SearchIndex.prototype.load = function () {
    if (!this.loading) {
      var url = this.url;
      // Pagefind answers with the counts of each filter value only once its filters are loaded.
      this.loading = url
        ? import(url)
            .then(function (pagefind) {
              return Promise.resolve(pagefind.init && pagefind.init())
                .then(function () { return pagefind.filters(); })
                .then(function () { return pagefind; });
            })
            .catch(function () {
              return null;
            })
        : Promise.resolve(null);
    }
    return this.loading;
  };

  /* The ids of the practices the words find, or null if there is no index. */
  SearchIndex.prototype.ids = function (query) {
    var key = wordsOf(query).join(" ");
    if (!this.cache[key]) {
      var found = this.load().then(function (pagefind) {
        if (!pagefind) return null;
        return pagefind.search(query).then(function (response) {
          // Each practice page carries the filter id:<its id>: the counts name the practices found.
          var counts = (response && response.filters && response.filters.id) || {};
          var ids = new Set();
          Object.keys(counts).forEach(function (id) {
            if (counts[id] > 0) ids.add(id);
          });
          return ids;
        });
      });
      this.cache = {}; // keep only the latest words
      this.cache[key] = found;
    }
    return this.cache[key];
  };

  /* State: the selected values of each facet, the words, "reviewed only", the order, the practices to compare. */

  function emptyState() {
    var state = { facets: {}, q: "", reviewed: false, sort: "title", compare: [] };
    FACETS.forEach(function (facet) {
      state.facets[facet] = [];
    });
    return state;
  }

  function isFiltered(state) {
    return state.q.trim() !== "" || state.reviewed || FACETS.some(function (f) { return state.facets[f].length; });
  }

  /* The state an address asks for, and what it asked for that is no choice of the toolbox. */
  function stateFromQuery(search, known, ids) {
    var params = new URLSearchParams(String(search).slice(0, MAX_PARAM));
    var state = emptyState();
    var ignored = [];
    FACETS.forEach(function (facet) {
      params.getAll(facet).forEach(function (list) {
        list.split(",").forEach(function (value) {
          if (!value) return;
          if (!known[facet].has(value)) ignored.push(value);
          else if (state.facets[facet].indexOf(value) < 0) state.facets[facet].push(value);
        });
      });
    });
    state.q = (params.get("q") || "").slice(0, 200);
    state.reviewed = params.get("reviewed") === "1";
    var sort = params.get("sort");
    if (sort && SORTS.indexOf(sort) >= 0) state.sort = sort;
    (params.get("compare") || "").split(",").forEach(function (id) {
      if (id && ids.has(id) && state.compare.indexOf(id) < 0 && state.compare.length < COMPARE_MAX) state.compare.push(id);
    });
    return { state: state, ignored: ignored };
  }

  function queryFromState(state) {
    var parts = [];
    FACETS.forEach(function (facet) {
      if (state.facets[facet].length) parts.push(facet + "=" + state.facets[facet].map(encodeURIComponent).join(","));
    });
    if (state.q.trim()) parts.push("q=" + encodeURIComponent(state.q.trim()));
    if (state.reviewed) parts.push("reviewed=1");
    if (state.sort !== "title") parts.push("sort=" + state.sort);
    if (state.compare.length) parts.push("compare=" + state.compare.map(encodeURIComponent).join(","));
    return parts.length ? "?" + parts.join("&") : "";
  }

  /* Which practices match, how many each value would give, and what the words alone left. */

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

  function evaluate(index, state, words) {
    var base = index.all.slice();
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
    var order = index.order[state.sort] || index.order.title;
    var matches = [];
    for (var k = 0; k < order.length; k++) if (has(result, order[k])) matches.push(order[k]);
    return { matches: matches, counts: counts, set: result, words: words };
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
    var requests = [];
    chunks.forEach(function (n) {
      var request = this.chunk(n);
      request.catch(report);
      requests.push(request);
    }, this);
    return Promise.all(requests);
  };

  Summaries.prototype.all = function () {
    var positions = [];
    for (var i = 0; i < this.count; i++) positions.push(i);
    return this.need(positions);
  };

  /* The page. */

  function Toolbox(root, data, dataUrl) {
    this.root = root;
    this.data = data;
    this.practices = data.practices;
    this.count = data.practices.id.length;
    this.index = buildIndex(data);
    this.english = new Set(data.practices.english_titles || []);
    this.values = {}; // facet key -> its values, as the data lists them
    this.known = {}; // facet key -> the set of its value ids
    this.labels = {}; // facet key -> value id -> label
    this.facetLabels = {};
    data.facets.forEach(function (facet) {
      this.values[facet.key] = facet.values;
      this.known[facet.key] = new Set(facet.values.map(function (v) { return String(v.id); }));
      this.labels[facet.key] = {};
      facet.values.forEach(function (v) {
        this.labels[facet.key][String(v.id)] = v.label;
      }, this);
      this.facetLabels[facet.key] = facet.label;
    }, this);
    this.summaryElements = {}; // practice index -> the empty summary of a card made from the data
    this.summaries = new Summaries(data, dataUrl, this.fillSummaries.bind(this));
    this.search = new SearchIndex(root.getAttribute("data-search") ? new URL(root.getAttribute("data-search"), location.href).href : null);
    this.words = "idle"; // what words search: "idle", "loading", "index", "titles" or "failed"
    this.wordSet = null; // the practices the current words find, once known
    this.wordQuery = "";
    this.form = document.getElementById("toolbox-filters");
    this.input = document.getElementById("toolbox-q");
    this.sort = document.getElementById("toolbox-sort");
    this.status = document.getElementById("toolbox-status");
    this.chips = document.getElementById("toolbox-chips");
    this.empty = document.getElementById("toolbox-empty");
    this.list = document.getElementById("toolbox-results");
    this.dataUrl = dataUrl;
    var title = this.list.querySelector(".practice-card > :is(h2, h3)");
    this.headingTag = title ? title.tagName.toLowerCase() : "h2";
    this.limit = PAGE;
    this.typingTimer = 0;
    this.typingEntry = false; // the current history entry was made by typing
    this.compare = [];
    this.cards = this.practices.id.map(function () { return null; });
    var cards = this.cards;
    var position = this.index.position;
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
        box: el.closest("label").querySelector("input"),
      };
    });
    this.addControls();
    this.listen();
  }

  Toolbox.prototype.addControls = function () {
    var form = this.form;
    this.toggle = form.querySelector(".toolbox-toggle");
    this.done = form.querySelector(".toolbox-done");
    this.more = button(t("Show more practices"), "toolbox-more");
    this.more.hidden = true;
    this.list.after(this.more);
    this.compareBar = element("div", "compare-bar");
    this.compareBar.hidden = true;
    this.compareBar.setAttribute("role", "region");
    this.compareBar.setAttribute("aria-label", t("Practices to compare"));
    this.compareText = element("span", "compare-bar__text");
    this.compareLink = element("a", "md-button md-button--primary");
    // A real address from the start: a link without one is no link to crawlers or to assistive tech.
    this.compareLink.href = new URL("../compare/", this.dataUrl).href;
    this.compareClear = button(t("Clear the comparison"), "compare-bar__clear");
    this.compareBar.append(this.compareText, " ", this.compareLink, " ", this.compareClear);
    this.root.append(this.compareBar);
  };

  Toolbox.prototype.listen = function () {
    var self = this;
    this.form.addEventListener("change", function (event) {
      if (event.target === self.input) return;
      self.flushTyping();
      self.update("push");
    });
    this.form.addEventListener("input", function (event) {
      if (event.target !== self.input) return;
      self.update(null);
      clearTimeout(self.typingTimer);
      self.typingTimer = setTimeout(function () { self.flushTyping(); }, TYPING_DELAY);
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.flushTyping();
      self.update("push");
    });
    if (this.sort) {
      this.sort.addEventListener("change", function () {
        self.update("push");
      });
    }
    this.form.addEventListener("reset", function (event) {
      event.preventDefault();
    });
    this.toggle.addEventListener("click", function () {
      self.unfold(self.toggle.getAttribute("aria-expanded") !== "true");
    });
    this.done.addEventListener("click", function () {
      self.unfold(false);
      self.toggle.focus();
    });
    this.more.addEventListener("click", function () {
      var before = self.shown.length;
      self.limit += PAGE;
      self.render(self.lastResult);
      var first = self.shown[before] && self.shown[before].querySelector("a");
      if (first) first.focus();
    });
    this.chips.addEventListener("click", function (event) {
      var chip = event.target.closest("button[data-remove]");
      if (chip) self.remove(chip.getAttribute("data-remove"));
    });
    this.empty.addEventListener("click", function (event) {
      var action = event.target.closest("button[data-remove]");
      if (action) self.remove(action.getAttribute("data-remove"));
    });
    this.list.addEventListener("change", function (event) {
      var box = event.target.closest("input[data-compare]");
      if (box) self.toggleCompare(box.getAttribute("data-compare"), box.checked);
    });
    this.compareClear.addEventListener("click", function () {
      self.compare = [];
      self.renderCompare();
      self.addCompareBoxes(self.shown);
      self.remember(self.readForm(), "replace");
    });
    var print = document.getElementById("toolbox-print");
    if (print) {
      print.addEventListener("click", function () {
        self.printResults();
      });
    }
    window.addEventListener("beforeprint", function () {
      self.expandForPrint();
    });
    window.addEventListener("afterprint", function () {
      self.collapseAfterPrint();
    });
  };

  Toolbox.prototype.unfold = function (open) {
    this.form.classList.toggle("toolbox-open", open);
    this.toggle.setAttribute("aria-expanded", String(open));
  };

  Toolbox.prototype.readForm = function () {
    var state = emptyState();
    Array.prototype.forEach.call(this.form.querySelectorAll("input[type=checkbox]:checked"), function (box) {
      if (state.facets[box.name]) state.facets[box.name].push(box.value);
      else if (box.name === "reviewed") state.reviewed = true;
    });
    state.q = this.input ? this.input.value : "";
    state.sort = this.sort && SORTS.indexOf(this.sort.value) >= 0 ? this.sort.value : "title";
    state.compare = this.compare.slice();
    return state;
  };

  Toolbox.prototype.writeForm = function (state) {
    Array.prototype.forEach.call(this.form.querySelectorAll("input[type=checkbox]"), function (box) {
      box.checked = state.facets[box.name]
        ? state.facets[box.name].indexOf(box.value) >= 0
        : box.name === "reviewed" && state.reviewed;
    });
    if (this.input) this.input.value = state.q;
    if (this.sort) this.sort.value = state.sort;
    this.compare = state.compare.slice();
  };

  /* Remove one choice: "facet:value", "reviewed", "q" or "all". */
  Toolbox.prototype.remove = function (what) {
    var state = this.readForm();
    if (what === "all") {
      var kept = emptyState();
      kept.sort = state.sort;
      kept.compare = state.compare;
      state = kept;
    } else if (what === "q") state.q = "";
    else if (what === "reviewed") state.reviewed = false;
    else {
      var cut = what.indexOf(":");
      var facet = what.slice(0, cut);
      var value = what.slice(cut + 1);
      if (state.facets[facet]) state.facets[facet] = state.facets[facet].filter(function (v) { return v !== value; });
    }
    this.writeForm(state);
    this.update("push");
    var focus = this.chips.querySelector("button") || this.input;
    if (focus) focus.focus();
  };

  /* Filter and render from the form; history is "push", "replace" or null (address unchanged). */
  Toolbox.prototype.update = function (history) {
    var state = this.readForm();
    this.limit = PAGE;
    var self = this;
    if (wordsOf(state.q).length) this.root.setAttribute("data-words", "pending");
    this.wordsFor(state.q).then(function (words) {
      if (self.readForm().q !== state.q) return; // newer words are on their way
      self.render(evaluate(self.index, state, words), state);
      // For tests and styles: what the words searched ("index", "titles", "failed") once they are applied.
      self.root.setAttribute("data-words", words ? self.words : "none");
      self.root.setAttribute("data-words-for", state.q);
    });
    if (history) {
      // Written just after the cards: on a slow phone a history entry costs several milliseconds.
      setTimeout(this.remember.bind(this, state, history), 0);
      this.typingEntry = false;
    }
  };

  /* The practices the words find: from the search index, else from the titles and summaries. */
  Toolbox.prototype.wordsFor = function (query) {
    if (!wordsOf(query).length) return Promise.resolve(null);
    var self = this;
    if (this.words === "idle") this.words = "loading";
    return this.search.ids(query).then(
      function (ids) {
        if (ids === null) return self.titleWords(query);
        self.words = "index";
        var set = emptySet(self.index.n);
        ids.forEach(function (id) {
          var i = self.index.position.get(id);
          if (i !== undefined) add(set, i);
        });
        return set;
      },
      function (error) {
        report(error);
        return self.titleWords(query);
      }
    );
  };

  Toolbox.prototype.titleWords = function (query) {
    var self = this;
    if (this.words === "index") return Promise.resolve(textMatches(this.index, query));
    return this.summaries.all().then(
      function () {
        setTexts(self.index, self.practices.title, self.summaries.texts);
        self.words = "titles";
        return textMatches(self.index, query);
      },
      function (error) {
        report(error);
        self.words = "failed";
        return textMatches(self.index, query);
      }
    );
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
    var read = stateFromQuery(location.search, this.known, this.index.position);
    this.writeForm(read.state);
    this.notice(read.ignored);
    this.update(null);
  };

  /* Values the address named that are no choice here: said in plain words, as text. */
  Toolbox.prototype.notice = function (ignored) {
    var element = document.getElementById("toolbox-notice");
    if (!element) {
      element = document.createElement("p");
      element.id = "toolbox-notice";
      element.className = "toolbox-notice";
      element.setAttribute("role", "status");
      this.chips.before(element);
    }
    element.hidden = !ignored.length;
    element.textContent = ignored.length
      ? nt(
          "The address asked for a choice the toolbox does not have; it was left out: %(values)s.",
          "The address asked for choices the toolbox does not have; they were left out: %(values)s.",
          ignored.length,
          { values: ignored.slice(0, 5).join(", ") + (ignored.length > 5 ? ", …" : "") }
        )
      : "";
  };

  Toolbox.prototype.render = function (result, state) {
    this.lastResult = result;
    if (state) {
      this.renderCounts(result.counts);
      var active = FACETS.reduce(function (sum, f) { return sum + state.facets[f].length; }, 0);
      this.toggle.textContent = active ? t("Filters (%(count)s)", { count: active }) : t("Filters");
      this.root.classList.toggle("toolbox-filtered", isFiltered(state));
      this.renderChips(state);
      this.renderEmpty(result, state);
      this.lastState = state;
    }
    var positions = result.matches.slice(0, this.limit);
    this.place(positions.map(this.cardFor, this));
    var hiddenMatches = result.matches.length - positions.length;
    this.more.hidden = hiddenMatches <= 0;
    this.more.textContent = t("Show more practices (%(count)s not shown)", { count: number(hiddenMatches) });
    var text = this.statusText(result.matches.length);
    if (this.status.textContent !== text) this.status.textContent = text;
    this.summaries.need(positions.filter(function (i) { return this.summaryElements[i]; }, this));
    this.done.textContent = nt("Show %(count)s practice", "Show %(count)s practices", result.matches.length, {
      count: number(result.matches.length),
    });
    this.renderCompare();
  };

  /* Show exactly these cards, in this order, touching only what changes. */
  Toolbox.prototype.place = function (wanted) {
    var keep = new Set(wanted);
    this.shown.forEach(function (card) {
      if (!keep.has(card)) card.hidden = true;
    });
    var previous = null;
    var list = this.list;
    wanted.forEach(function (card) {
      if (!card.isConnected) previous ? previous.after(card) : list.prepend(card);
      else if (previous ? previous.nextElementSibling !== card : list.firstElementChild !== card) {
        previous ? previous.after(card) : list.prepend(card);
      }
      card.hidden = false;
      previous = card;
    });
    this.shown = wanted;
    this.addCompareBoxes(wanted);
  };

  /* "12 of 300 practices". */
  Toolbox.prototype.statusText = function (matches) {
    var text = nt("%(matches)s of %(count)s practice", "%(matches)s of %(count)s practices", this.count, {
      matches: number(matches),
      count: number(this.count),
    });
    if (this.words === "failed") return text + " " + t("(words searched in the titles only: the summaries did not load)");
    return text;
  };

  Toolbox.prototype.renderCounts = function (counts) {
    this.counters.forEach(function (counter) {
      var facetCounts = counts[counter.facet] || {};
      var count = facetCounts[counter.value] || 0;
      var none = counter.label.classList.contains("facet-value--none");
      var text = none ? counter.el.textContent : number(count);
      if (counter.el.textContent !== text) counter.el.textContent = text;
      counter.label.classList.toggle("facet-value--zero", count === 0 && !counter.box.checked);
    });
  };

  /* The choices made, as chips that remove themselves, and "Clear all". */
  Toolbox.prototype.renderChips = function (state) {
    var chips = [];
    var self = this;
    if (state.q.trim()) chips.push(["q", t("Words: %(words)s", { words: state.q.trim() })]);
    if (state.reviewed) chips.push(["reviewed", t("Reviewed practices only")]);
    FACETS.forEach(function (facet) {
      state.facets[facet].forEach(function (value) {
        chips.push([facet + ":" + value, self.facetLabels[facet] + ": " + (self.labels[facet][value] || value)]);
      });
    });
    this.chips.textContent = "";
    this.chips.hidden = !chips.length;
    if (!chips.length) return;
    var list = element("ul", "toolbox-chips__list");
    chips.forEach(function (chip) {
      var item = element("li", "");
      var remove = button(chip[1], "chip");
      remove.setAttribute("data-remove", chip[0]);
      remove.setAttribute("aria-label", t("Remove: %(choice)s", { choice: chip[1] }));
      item.append(remove);
      list.append(item);
    });
    var clear = button(t("Clear all"), "chip chip--clear");
    clear.setAttribute("data-remove", "all");
    var item = element("li", "");
    item.append(clear);
    list.append(item);
    this.chips.append(list);
  };

  /* No practice matches: say which choice emptied the list and offer to remove it. */
  Toolbox.prototype.renderEmpty = function (result, state) {
    this.empty.textContent = "";
    this.empty.hidden = result.matches.length > 0;
    if (result.matches.length) return;
    var best = null;
    var self = this;
    var tries = [];
    if (state.q.trim()) tries.push(["q", t("the words “%(words)s”", { words: state.q.trim() })]);
    if (state.reviewed) tries.push(["reviewed", t("“reviewed practices only”")]);
    FACETS.forEach(function (facet) {
      state.facets[facet].forEach(function (value) {
        tries.push([facet + ":" + value, "“" + (self.labels[facet][value] || value) + "”"]);
      });
    });
    tries.forEach(function (choice) {
      var without = self.without(state, choice[0]);
      var words = choice[0] === "q" ? null : result.words;
      var count = evaluate(self.index, without, words).matches.length;
      if (!best || count > best.count) best = { choice: choice, count: count };
    });
    var message = element("p", "toolbox-empty__message");
    if (!best) {
      message.textContent = t("No practice yet.");
      this.empty.append(message);
      return;
    }
    message.textContent = best.count
      ? nt(
          "No practice matches all your choices. Without %(choice)s, %(count)s practice does.",
          "No practice matches all your choices. Without %(choice)s, %(count)s practices do.",
          best.count,
          { choice: best.choice[1], count: number(best.count) }
        )
      : t("No practice matches all your choices.");
    this.empty.append(message);
    var actions = element("p", "toolbox-empty__actions");
    if (best.count) {
      var remove = button(t("Remove %(choice)s", { choice: best.choice[1] }), "md-button md-button--primary");
      remove.setAttribute("data-remove", best.choice[0]);
      actions.append(remove, " ");
    }
    var clear = button(t("Clear all choices"), "md-button");
    clear.setAttribute("data-remove", "all");
    actions.append(clear);
    this.empty.append(actions);
  };

  Toolbox.prototype.without = function (state, what) {
    var copy = emptyState();
    FACETS.forEach(function (facet) {
      copy.facets[facet] = state.facets[facet].filter(function (value) { return facet + ":" + value !== what; });
    });
    copy.q = what === "q" ? "" : state.q;
    copy.reviewed = what === "reviewed" ? false : state.reviewed;
    copy.sort = state.sort;
    return copy;
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
    if (this.english.has(i)) link.lang = "en";
    heading.append(link);
    var summary = element("p", "");
    if (this.summaries.has(i)) setText(summary, this.summaries.texts[i]);
    else this.summaryElements[i] = summary; // filled when its chunk arrives
    var glance = element("p", "card-glance");
    glance.textContent = this.practices.glance.texts[this.practices.glance.of[i]];
    card.append(heading, summary, this.badges(i, status), glance);
    this.cards[i] = card;
    return card;
  };

  /* The intervention types as badges, then the ages in plain words and the countries, then "Not yet reviewed". */
  Toolbox.prototype.badges = function (i, status) {
    var badges = element("p", "badges");
    this.valuesOf("type", i).forEach(function (value) {
      var badge = element("span", "badge badge--type");
      badge.textContent = value.short;
      badges.append(badge, " ");
    });
    badges.append(this.facts(i));
    if (status !== "reviewed") {
      var review = element("span", "badge badge--submitted");
      review.textContent = t("Not yet reviewed");
      badges.append(" ", review);
    }
    return badges;
  };

  /* The ages in plain words and the countries, as the card macro writes them (PracticeView.card_facts). */
  Toolbox.prototype.facts = function (i) {
    var levels = this.valuesOf("isced", i).map(function (value) { return value.plain; }).join(", ");
    if (!levels && this.data.outside_isced.indexOf(i) >= 0) levels = this.data.outside_isced_label;
    var countries = this.valuesOf("country", i).map(function (value) { return value.label; }).join(", ");
    return [levels, countries].filter(Boolean).join(" · ");
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
      setText(summary, texts[k]);
      delete this.summaryElements[first + k];
    }
  };

  /* Comparing: a box on each card shown; the chosen ids in the address (compare=a,b). */
  Toolbox.prototype.addCompareBoxes = function (cards) {
    var chosen = new Set(this.compare);
    var full = this.compare.length >= COMPARE_MAX;
    cards.forEach(function (card) {
      var id = card.getAttribute("data-practice-id");
      var box = card.querySelector("input[data-compare]");
      if (!box) {
        var label = element("label", "card-compare esl-js-only");
        box = document.createElement("input");
        box.type = "checkbox";
        box.setAttribute("data-compare", id);
        label.append(box, " " + t("Compare"));
        card.append(label);
      }
      box.checked = chosen.has(id);
      box.disabled = full && !box.checked;
    });
  };

  Toolbox.prototype.toggleCompare = function (id, on) {
    this.compare = this.compare.filter(function (other) { return other !== id; });
    if (on && this.compare.length < COMPARE_MAX) this.compare.push(id);
    this.renderCompare();
    this.addCompareBoxes(this.shown);
    this.remember(this.readForm(), "replace");
  };

  Toolbox.prototype.renderCompare = function () {
    var n = this.compare.length;
    this.compareBar.hidden = n === 0;
    if (!n) return;
    this.compareText.textContent = nt(
      "%(count)s practice chosen to compare (up to %(max)s).",
      "%(count)s practices chosen to compare (up to %(max)s).",
      n,
      { count: n, max: COMPARE_MAX }
    );
    var page = new URL("../compare/", this.dataUrl);
    page.search = "?ids=" + this.compare.map(encodeURIComponent).join(",");
    this.compareLink.href = page.href;
    this.compareLink.textContent = n >= 2 ? t("Compare them") : t("Choose at least one more");
    if (n >= 2) this.compareLink.removeAttribute("aria-disabled");
    else this.compareLink.setAttribute("aria-disabled", "true");
  };

  /* Print or save: every matching practice (up to PRINT_LIMIT), with their summaries, then back. */
  Toolbox.prototype.printResults = function () {
    var self = this;
    var positions = this.lastResult.matches.slice(0, PRINT_LIMIT);
    this.summaries.need(positions).then(
      function () {
        window.print();
      },
      function () {
        window.print();
      }
    );
    self.expandForPrint();
  };

  Toolbox.prototype.expandForPrint = function () {
    if (!this.lastResult || this.printing) return;
    this.printing = this.limit;
    this.limit = PRINT_LIMIT;
    this.render(this.lastResult);
  };

  Toolbox.prototype.collapseAfterPrint = function () {
    if (!this.printing) return;
    this.limit = this.printing;
    this.printing = 0;
    this.render(this.lastResult);
  };

  function setText(element, value) {
    element.textContent = plainText(value);
    if (Array.isArray(value)) element.lang = value[0];
  }

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

  function button(text, className) {
    var el = element("button", className);
    el.type = "button";
    el.textContent = text;
    return el;
  }

  /* Start-up. */

  var current = null;

  function start() {
    var root = document.getElementById("toolbox");
    if (!root || !root.getAttribute("data-src")) return;
    var dataUrl = new URL(root.getAttribute("data-src"), location.href);
    fetchJson(dataUrl)
      .then(function (data) {
        FACETS = data.facets.map(function (facet) { return facet.key; });
        var toolbox = new Toolbox(root, data, dataUrl);
        current = toolbox;
        var read = stateFromQuery(location.search, toolbox.known, toolbox.index.position);
        toolbox.notice(read.ignored);
        // An address with choices wins; otherwise keep what the browser restored in the form.
        if (isFiltered(read.state) || read.state.sort !== "title" || read.state.compare.length) toolbox.writeForm(read.state);
        toolbox.update("replace");
        root.classList.add("toolbox-ready");
      })
      .catch(function (error) {
        root.classList.add("toolbox-failed");
        report(error);
      });
  }

  window.addEventListener("popstate", function () {
    if (current && current.root.isConnected) current.restore();
  });

  window.eslToolbox = { buildIndex: buildIndex, evaluate: evaluate, stateFromQuery: stateFromQuery, countOf: countOf };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
