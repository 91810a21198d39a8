/* Upload compliance (R-INST-3) on the institution page: error rate (%) and late records per day. */
(function () {
  'use strict';
  var source = document.getElementById('compliance-data');
  var el = document.getElementById('chart-compliance');
  if (!source || !el || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var rate = el.getAttribute('data-label-rate');
  var late = el.getAttribute('data-label-late');
  var chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    color: ['#d35f5f', '#1f5fa8'],
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 16, right: 24, top: 24, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: data.days },
    yAxis: [{ type: 'value', name: rate + ' %', min: 0 }, { type: 'value', name: late, minInterval: 1, min: 0 }],
    series: [
      { name: rate, type: 'line', data: data.errorRate, connectNulls: false,
        markLine: { silent: true, symbol: 'none', data: [{ yAxis: 5 }] } },
      { name: late, type: 'bar', yAxisIndex: 1, data: data.late, barMaxWidth: 24 }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
