/* County global budget (R-PAY-5): payments per month (bars), cumulative payments (line) and the budget. */
(function () {
  'use strict';
  var source = document.getElementById('county-budget-data');
  var el = document.getElementById('chart-county-budget');
  if (!source || !el || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var months = [];
  for (var m = 1; m <= 12; m++) {
    months.push(m + el.getAttribute('data-label-month-suffix'));
  }
  var chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    color: ['#1f5fa8', '#d35f5f'],
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 16, right: 24, top: 24, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', min: 0 },
    series: [
      { name: el.getAttribute('data-label-monthly'), type: 'bar', data: data.monthly, barMaxWidth: 28 },
      { name: el.getAttribute('data-label-cumulative'), type: 'line', data: data.cumulative, connectNulls: false,
        markLine: { silent: true, symbol: 'none', label: { formatter: el.getAttribute('data-label-budget') },
          data: [{ yAxis: data.budget }] } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
