// Charts for the outlet pages, drawn with Plotly (served locally from the plotly package).
(function () {
  "use strict";
  var el = document.getElementById("chart-data");
  if (!el || typeof Plotly === "undefined") { return; }
  var data = JSON.parse(el.textContent);
  var config = {displaylogo: false, responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d"]};
  var base = {margin: {l: 50, r: 10, t: 10, b: 60}, legend: {orientation: "h", y: -0.25},
              xaxis: {type: "category", automargin: true}, yaxis: {automargin: true},
              font: {size: 13}, paper_bgcolor: "#fff", plot_bgcolor: "#fff"};

  // Plotly reads a few HTML-like tags (<b>, <a href>) in labels: show names as typed instead
  function esc(v) { return String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }

  function layout(extra) { return Object.assign({}, base, extra || {}); }
  function draw(id, traces, extra) {
    var node = document.getElementById(id);
    if (node) { Plotly.newPlot(node, traces, layout(extra), config); }
  }

  var months = data.series.months;
  var outlets = Object.keys(data.series.outlets);

  if (data.kind === "compare") {
    draw("chart-time", outlets.map(function (o) {
      return {x: months, y: data.series.outlets[o].articles, name: esc(o), type: "scatter", mode: "lines+markers"};
    }), {xaxis: {type: "category"}, yaxis: {title: {text: "articles"}}});
    draw("chart-voice", [
      {x: data.rows.map(function (r) { return esc(r.source || "(unknown)"); }),
       y: data.rows.map(function (r) { return r.author_per_1k_words; }), name: "author's voice", type: "bar"},
      {x: data.rows.map(function (r) { return esc(r.source || "(unknown)"); }),
       y: data.rows.map(function (r) { return r.quoted_per_1k_words; }), name: "quoted voices", type: "bar"}
    ], {barmode: "group", yaxis: {title: {text: "per 1,000 words"}}});
    var labels = [];
    data.profiles.forEach(function (p) { p.frames.forEach(function (f) { if (labels.indexOf(f.label) < 0) { labels.push(f.label); } }); });
    draw("chart-frames", [{type: "heatmap", x: labels.map(esc), y: data.profiles.map(function (p) { return esc(p.source); }),
      z: data.profiles.map(function (p) {
        var total = p.articles || 1;
        return labels.map(function (l) {
          var f = p.frames.find(function (x) { return x.label === l; });
          return f ? Math.round(1000 * f.articles / total) / 10 : 0;
        });
      }), colorscale: "Blues", reversescale: true, colorbar: {title: {text: "% of articles"}}}],
      {xaxis: {type: "category", automargin: true}, margin: {l: 120, r: 10, t: 10, b: 90}});
    return;
  }

  var s = data.series.outlets[data.source];
  draw("chart-time", [{x: months, y: s.articles, type: "bar", name: "articles"}],
       {yaxis: {title: {text: "articles"}}});
  draw("chart-voice", [
    {x: months, y: s.author_per_1k, name: "author's voice", type: "scatter", mode: "lines+markers"},
    {x: months, y: s.quoted_per_1k, name: "quoted voices", type: "scatter", mode: "lines+markers"}
  ], {yaxis: {title: {text: "per 1,000 words"}}});
  var t = data.profile.techniques;
  draw("chart-labels", [
    {y: t.map(function (r) { return esc(r.label); }), x: t.map(function (r) { return r.author_per_1k; }), name: "author's voice", type: "bar", orientation: "h"},
    {y: t.map(function (r) { return esc(r.label); }), x: t.map(function (r) { return r.quoted_per_1k; }), name: "quoted voices", type: "bar", orientation: "h"}
  ], {barmode: "group", xaxis: {}, margin: {l: 160, r: 10, t: 10, b: 60}, height: Math.max(320, 40 * t.length + 100)});
  var fr = data.profile.frames;
  draw("chart-frames", [{x: fr.map(function (r) { return esc(r.label); }), y: fr.map(function (r) { return r.articles; }), type: "bar", name: "articles"}],
       {yaxis: {title: {text: "articles"}}});
}());
