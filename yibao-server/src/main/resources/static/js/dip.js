/* DIP (R-PAY-3): per institution the basic fund's payment by items against DIP (bars) and the adjustment;
   while a run is posted, its progress (cases done of total) polled from the admin API. */
(function () {
  'use strict';
  var source = document.getElementById('dip-data');
  var el = document.getElementById('chart-dip');
  if (source && el && typeof echarts !== 'undefined') {
    var data = JSON.parse(source.textContent);
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      color: ['#8a9bb0', '#1f5fa8', '#d35f5f'],
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 16, right: 24, top: 24, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: data.names, axisLabel: { interval: 0, rotate: data.names.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: [
        { name: el.getAttribute('data-label-items'), type: 'bar', data: data.items, barMaxWidth: 28 },
        { name: el.getAttribute('data-label-dip'), type: 'bar', data: data.dip, barMaxWidth: 28 },
        { name: el.getAttribute('data-label-adjustment'), type: 'line', data: data.adjustment }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  var form = document.getElementById('dip-run-form');
  var bar = document.getElementById('dip-progress');
  var text = document.getElementById('dip-progress-text');
  if (!form || !bar || !window.fetch) {
    return;
  }
  form.addEventListener('submit', function () {
    var url = form.getAttribute('data-progress');
    bar.hidden = false;
    document.getElementById('dip-run-submit').disabled = true;
    var poll = function () {
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (p) {
          if (p && p.total > 0) {
            bar.max = p.total;
            bar.value = p.done;
            text.textContent = p.done + ' / ' + p.total;
          }
        })
        .catch(function () { /* the page reloads when the run ends */ });
    };
    window.setInterval(poll, 1000);
  });
})();
