// unspun pages: permalinks to any span of an article, tap-to-show technique evidence.
(function () {
  "use strict";
  var text = document.getElementById("text");
  if (!text) { return; }

  // pieces carry their character offsets as data-s / data-e
  function pieceOf(node) {
    while (node && node !== text) {
      if (node.nodeType === 1 && node.hasAttribute("data-s")) { return node; }
      node = node.parentNode;
    }
    return null;
  }

  function offsetIn(node, offset) {
    var piece = pieceOf(node);
    if (!piece) { return null; }
    return parseInt(piece.getAttribute("data-s"), 10) + (node.nodeType === 3 ? offset : 0);
  }

  // exact highlight with the CSS Custom Highlight API; whole pieces outlined as a fallback
  function highlight(start, end) {
    var first = null, last = null, pieces = [];
    text.querySelectorAll("[data-s]").forEach(function (el) {
      var s = parseInt(el.getAttribute("data-s"), 10), e = parseInt(el.getAttribute("data-e"), 10);
      if (s < end && e > start) {
        pieces.push(el);
        if (!first) { first = {el: el, at: Math.max(start, s) - s}; }
        last = {el: el, at: Math.min(end, e) - s};
      }
    });
    if (!first) { return; }
    if (window.CSS && CSS.highlights && typeof Highlight !== "undefined" &&
        first.el.firstChild && last.el.firstChild) {
      var range = document.createRange();
      range.setStart(first.el.firstChild, first.at);
      range.setEnd(last.el.firstChild, last.at);
      CSS.highlights.set("permalink", new Highlight(range));
    } else {
      pieces.forEach(function (el) { el.classList.add("hl"); });
    }
    first.el.scrollIntoView({block: "center"});
  }

  function fromHash() {
    var m = /^#span=(\d+)-(\d+)$/.exec(window.location.hash);
    if (m) { highlight(parseInt(m[1], 10), parseInt(m[2], 10)); }
  }

  var box = document.getElementById("spanlink");
  document.addEventListener("selectionchange", function () {
    var sel = window.getSelection();
    if (!box || !sel || sel.isCollapsed || sel.rangeCount === 0) { if (box) { box.hidden = true; } return; }
    var r = sel.getRangeAt(0);
    var a = offsetIn(r.startContainer, r.startOffset), b = offsetIn(r.endContainer, r.endOffset);
    if (a === null || b === null || b <= a) { box.hidden = true; return; }
    box.querySelector("a").setAttribute("href", "#span=" + a + "-" + b);
    box.hidden = false;
  });

  // a tap toggles a technique's evidence (hover and focus show it too, in CSS)
  text.addEventListener("click", function (ev) {
    var t = ev.target.closest ? ev.target.closest(".t") : null;
    text.querySelectorAll(".t.open").forEach(function (el) { if (el !== t) { el.classList.remove("open"); } });
    if (t) { t.classList.toggle("open"); }
  });

  window.addEventListener("hashchange", fromHash);
  fromHash();
}());
