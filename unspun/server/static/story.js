// Charts for the story page (one story, its outlets compared), drawn with Plotly.
(function () {
  "use strict";
  var el = document.getElementById("chart-data");
  if (!el || typeof Plotly === "undefined") { return; }
  var data = JSON.parse(el.textContent);
  var config = {displaylogo: false, responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d"]};
  function esc(v) { return String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }
  function draw(id, traces, extra) {
    var node = document.getElementById(id);
    if (!node) { return; }
    var layout = Object.assign({margin: {l: 60, r: 10, t: 10, b: 70}, legend: {orientation: "h", y: -0.3},
                                font: {size: 13}, paper_bgcolor: "#fff", plot_bgcolor: "#fff",
                                xaxis: {automargin: true}, yaxis: {automargin: true}}, extra || {});
    Plotly.newPlot(node, traces, layout, config);
  }
  var names = data.outlets.map(esc);

  // when each outlet published: one row per outlet, one marker per article
  draw("chart-first", data.outlets.map(function (o, i) {
    var days = data.published[i].filter(function (d) { return d; });
    return {x: days, y: days.map(function () { return names[i]; }), name: names[i],
            type: "scatter", mode: "markers", marker: {size: 12}};
  }), {showlegend: false, xaxis: {type: "date", tickformat: "%Y-%m-%d", automargin: true}, yaxis: {type: "category", automargin: true},
       height: Math.max(220, 50 * names.length + 100)});

  draw("chart-voice", [
    {x: names, y: data.author_per_1k, name: "author's voice", type: "bar"},
    {x: names, y: data.quoted_per_1k, name: "quoted voices", type: "bar"}
  ], {barmode: "group", xaxis: {type: "category", automargin: true}, yaxis: {title: {text: "per 1,000 words"}}});

  // stacked shares of quoted words, one bar per outlet, one segment per speaker
  var speakers = [];
  data.speakers.forEach(function (list) { list.forEach(function (s) { if (speakers.indexOf(s.name) < 0) { speakers.push(s.name); } }); });
  draw("chart-speakers", speakers.map(function (name) {
    return {x: names, name: esc(name), type: "bar",
            y: data.speakers.map(function (list) {
              var s = list.find(function (x) { return x.name === name; });
              return s ? Math.round(1000 * s.share) / 10 : 0;
            })};
  }), {barmode: "stack", xaxis: {type: "category", automargin: true}, yaxis: {title: {text: "% of quoted words"}, range: [0, 100]}});

  draw("chart-tone", [
    {x: names, y: data.tone_author, name: "author's voice", type: "bar"},
    {x: names, y: data.tone_quoted, name: "quoted voices", type: "bar"}
  ], {barmode: "group", xaxis: {type: "category", automargin: true}, yaxis: {range: [-1, 1], title: {text: "mean compound"}}});
}());
