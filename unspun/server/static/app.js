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

  function highlight(start, end) {
    var first = null;
    text.querySelectorAll("[data-s]").forEach(function (el) {
      var s = parseInt(el.getAttribute("data-s"), 10), e = parseInt(el.getAttribute("data-e"), 10);
      var on = s < end && e > start;
      el.classList.toggle("hl", on);
      if (on && !first) { first = el; }
    });
    if (first) { first.scrollIntoView({block: "center"}); }
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
