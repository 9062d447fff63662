/* Comity inbox: keyboard shortcuts, live updates (SSE), presence heartbeats, bulk confirmation.
   No inline scripts anywhere (CSP script-src 'self'); the server renders all HTML and this file
   only moves focus, clicks the server's own buttons and asks htmx to reload fragments. */
(function () {
  "use strict";

  var HEARTBEAT_MS = 10000;
  var REFRESH_DEBOUNCE_MS = 400;
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var me = (document.querySelector('meta[name="user-email"]') || {}).content || "";

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  /* ---------- list selection (j/k/o) ---------- */

  var selectedId = null;
  var selectedIndex = 0;

  function rows() { return $all("#case-list .case-row"); }

  function select(row, scroll) {
    rows().forEach(function (r) {
      r.classList.remove("is-selected");
      r.removeAttribute("aria-current");
    });
    if (!row) { selectedId = null; return; }
    row.classList.add("is-selected");
    row.setAttribute("aria-current", "true");
    selectedId = row.getAttribute("data-case-id");
    selectedIndex = rows().indexOf(row);
    if (scroll !== false) {
      // Keyboard moves also move focus, so screen readers follow and focus is visible.
      var link = $("a.case-open", row);
      if (link) { link.focus({ preventScroll: true }); }
      row.scrollIntoView({ block: "nearest" });
    }
  }

  function move(step) {
    var all = rows();
    if (!all.length) { return; }
    var index = all.findIndex(function (r) { return r.getAttribute("data-case-id") === selectedId; });
    var next = index < 0 ? 0 : Math.min(all.length - 1, Math.max(0, index + step));
    select(all[next]);
  }

  function openSelected() {
    var row = rows().find(function (r) { return r.getAttribute("data-case-id") === selectedId; });
    var link = row && $("a.case-open", row);
    if (link) { link.click(); }
  }

  function restoreSelection() {
    var all = rows();
    if (!all.length) { selectedId = null; return; }
    var row = all.find(function (r) { return r.getAttribute("data-case-id") === selectedId; });
    if (!row && selectedId !== null) {
      // The selected case left the list (done, hidden, assigned away): stay at its place.
      row = all[Math.min(selectedIndex, all.length - 1)];
    }
    var open = openCaseId();
    if (!row && open) {
      row = all.find(function (r) { return r.getAttribute("data-case-id") === open; });
    }
    select(row || null, false);
    syncBulkChecks();
  }

  /* ---------- the open case ---------- */

  function openCaseId() {
    var pane = $("#case-view");
    return pane ? pane.getAttribute("data-case-id") : null;
  }

  function clickAction(name) {
    var button = $('#case-view [data-action="' + name + '"]');
    if (button && !button.disabled) { button.click(); return true; }
    return false;
  }

  /* ---------- shortcuts overlay ---------- */

  function overlay() { return $("#shortcuts"); }

  function toggleOverlay(show) {
    var dialog = overlay();
    if (!dialog) { return; }
    var open = dialog.hasAttribute("open");
    if (show === undefined) { show = !open; }
    if (show && !open) { dialog.showModal(); }
    if (!show && open) { dialog.close(); }
  }

  function typingTarget(element) {
    if (!element) { return false; }
    var tag = element.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || element.isContentEditable;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "Escape") {
      var open = $("dialog[open]");
      if (open) { open.close(); event.preventDefault(); return; }
      if (typingTarget(document.activeElement)) { document.activeElement.blur(); }
      return;
    }
    if (typingTarget(event.target) || $("dialog[open]") && event.key !== "?") { return; }
    var handled = true;
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "o": case "Enter": openSelected(); break;
      case "r": {
        var reply = $("#reply-text");
        if (reply) { reply.focus(); } else { handled = false; }
        break;
      }
      case "l": handled = clickAction("like"); break;
      case "h": handled = clickAction("hide"); break;
      case "a": handled = clickAction("assign-me"); break;
      case "e": handled = clickAction("done"); break;
      case "/": {
        var search = $("#search");
        if (search) { search.focus(); search.select(); } else { handled = false; }
        break;
      }
      case "?": toggleOverlay(); break;
      default: handled = false;
    }
    if (handled) { event.preventDefault(); }
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    if (target.closest("[data-shortcuts]")) { toggleOverlay(true); return; }
    if (target.closest("[data-close-dialog]")) {
      var dialog = target.closest("dialog");
      if (dialog) { dialog.close(); }
      return;
    }
    var row = target.closest("#case-list .case-row");
    if (row && !target.closest("input")) { select(row, false); }
  });

  /* ---------- bulk selection with confirmation ---------- */

  var bulkIds = {};

  function syncBulkChecks() {
    $all("#case-list input.bulk-check").forEach(function (box) {
      box.checked = !!bulkIds[box.value];
    });
    updateBulkBar();
  }

  function updateBulkBar() {
    var count = Object.keys(bulkIds).length;
    var bar = $("#bulk-bar");
    if (!bar) { return; }
    bar.hidden = count === 0;
    var counter = $("#bulk-count");
    if (counter) { counter.textContent = String(count); }
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement)) { return; }
    if (box.classList.contains("bulk-check")) {
      if (box.checked) { bulkIds[box.value] = true; } else { delete bulkIds[box.value]; }
      updateBulkBar();
    } else if (box.id === "bulk-all") {
      $all("#case-list input.bulk-check").forEach(function (b) {
        if (box.checked) { bulkIds[b.value] = true; } else { delete bulkIds[b.value]; }
      });
      syncBulkChecks();
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.id !== "bulk-form") { return; }
    var submitter = event.submitter;
    if (form.getAttribute("data-confirmed") === "yes") { form.removeAttribute("data-confirmed"); return; }
    event.preventDefault();
    var ids = Object.keys(bulkIds);
    if (!ids.length) { return; }
    var dialog = $("#bulk-dialog");
    var kind = submitter ? submitter.value : "";
    $("#bulk-dialog-action").textContent = submitter ? submitter.getAttribute("data-label") || kind : kind;
    $("#bulk-dialog-count").textContent = String(ids.length);
    var reason = $("#bulk-dialog-reason");
    if (reason) { reason.value = ""; }
    dialog.setAttribute("data-kind", kind);
    dialog.showModal();
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element) || !target.closest("#bulk-dialog-confirm")) { return; }
    var dialog = $("#bulk-dialog");
    var form = $("#bulk-form");
    $all("input[name=ids]", form).forEach(function (input) { input.remove(); });
    Object.keys(bulkIds).forEach(function (id) {
      var input = document.createElement("input");
      input.type = "hidden"; input.name = "ids"; input.value = id;
      form.appendChild(input);
    });
    $("input[name=kind]", form).value = dialog.getAttribute("data-kind") || "";
    $("input[name=reason]", form).value = ($("#bulk-dialog-reason") || { value: "" }).value;
    $("input[name=confirm]", form).value = "1";
    dialog.close();
    bulkIds = {};
    form.setAttribute("data-confirmed", "yes");
    form.requestSubmit();
  });

  /* ---------- live updates over SSE ---------- */

  function busyInPane() {
    // Never swap the case under someone's fingers: a draft, a focused field, an open form.
    var reply = $("#reply-text");
    if (reply && reply.value.trim()) { return true; }
    var active = document.activeElement;
    if (active && typingTarget(active) && active.closest("#case-view")) { return true; }
    return !!$("#case-view details[open]");
  }

  var refreshTimer = null;

  function refreshList() {
    if (refreshTimer) { return; }
    refreshTimer = setTimeout(function () {
      refreshTimer = null;
      if (window.htmx) { window.htmx.trigger(document.body, "comity:refresh"); }
    }, REFRESH_DEBOUNCE_MS);
  }

  function setLive(state) {
    var dot = $("#live-status");
    if (dot) { dot.setAttribute("data-state", state); }
    document.body.setAttribute("data-live", state);
  }

  function connect() {
    if (!window.EventSource || !$("#case-list, #case-view")) { return; }
    var source = new EventSource("/events");
    source.addEventListener("open", function () { setLive("on"); });
    source.addEventListener("error", function () { setLive("off"); });
    source.addEventListener("case", function (event) {
      refreshList();
      var open = openCaseId();
      try {
        var data = JSON.parse(event.data);
        var mine = data.by && data.by === me;  // our own action already redrew the pane
        if (open && String(data.case_id) === open && window.htmx && !mine && !busyInPane()) {
          window.htmx.trigger(document.body, "comity:case-changed");
        }
      } catch (ignored) { /* a malformed event only costs a refresh */ }
    });
    source.addEventListener("presence", function (event) {
      var open = openCaseId();
      try {
        var data = JSON.parse(event.data);
        if (open && String(data.case_id) === open && window.htmx) {
          window.htmx.trigger(document.body, "comity:presence");
        }
      } catch (ignored) { /* ignore */ }
    });
  }

  /* ---------- presence heartbeats for the open case ---------- */

  var lastTypedAt = 0;
  var lastSentTyping = 0;

  function heartbeat(leaving) {
    var id = openCaseId();
    if (!id) { return; }
    var typing = Date.now() - lastTypedAt < HEARTBEAT_MS;
    var body = new URLSearchParams();
    body.set("typing", typing ? "1" : "0");
    if (leaving) { body.set("leave", "1"); }
    fetch("/cases/" + encodeURIComponent(id) + "/presence", {
      method: "POST",
      headers: { "X-CSRF-Token": csrf, "Content-Type": "application/x-www-form-urlencoded" },
      body: body.toString(),
      credentials: "same-origin",
      keepalive: !!leaving
    }).catch(function () { /* offline: the next beat retries */ });
  }

  document.addEventListener("input", function (event) {
    if (event.target && event.target.id === "reply-text") {
      lastTypedAt = Date.now();
      if (Date.now() - lastSentTyping > 5000) { lastSentTyping = Date.now(); heartbeat(false); }
    }
  });

  var shownCase = null;

  function caseShown() {
    var id = openCaseId();
    rows().forEach(function (r) {
      r.classList.toggle("is-open", id !== null && r.getAttribute("data-case-id") === id);
    });
    if (id !== shownCase) {
      shownCase = id;
      lastTypedAt = 0;
      heartbeat(false);
    }
    restoreSelection();
  }

  document.addEventListener("htmx:afterSettle", caseShown);

  // A live refresh replaces the list element (its own scroll box): keep the reading position.
  // Filters and paging start at the top as usual.
  var keptScroll = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var list = $("#case-list");
    var config = event.detail && event.detail.requestConfig;
    var cause = config && config.triggeringEvent ? config.triggeringEvent.type : "";
    if (list && event.detail.target === list && cause === "comity:refresh") {
      keptScroll = list.scrollTop;
    }
  });
  document.addEventListener("htmx:afterSwap", function () {
    var list = $("#case-list");
    if (list && keptScroll !== null) { list.scrollTop = keptScroll; }
    keptScroll = null;
  });

  // Ctrl+Enter (Cmd+Enter) in the reply box sends it.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && event.target &&
        event.target.id === "reply-text") {
      var form = $("#reply-form");
      if (form) { event.preventDefault(); form.requestSubmit(); }
    }
  });
  window.addEventListener("pagehide", function () { heartbeat(true); });

  document.addEventListener("DOMContentLoaded", function () {
    caseShown();
    var first = rows()[0];
    if (!selectedId && first) { select(first, false); }
    connect();
    setInterval(function () { heartbeat(false); }, HEARTBEAT_MS);
  });
})();
