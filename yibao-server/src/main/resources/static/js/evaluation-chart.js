/* Annual evaluation (R-INST-2): the year's totals per institution as bars, with the 60 and 80 decision lines. */
(function () {
  'use strict';
  var source = document.getElementById('evaluation-data');
  var el = document.getElementById('chart-evaluations');
  if (!source || !el || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', formatter: function (p) { var i = p[0].dataIndex; return data.codes[i] + ' ' + data.names[i] + '<br>' + data.totals[i]; } },
    grid: { left: 16, right: 24, top: 24, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: data.codes, axisLabel: { rotate: data.codes.length > 8 ? 45 : 0 } },
    yAxis: { type: 'value', name: el.getAttribute('data-label-total'), min: 0, max: 100 },
    series: [{
      type: 'bar', barMaxWidth: 28,
      data: data.totals.map(function (t) {
        return { value: t, itemStyle: { color: t >= 80 ? '#2e8b57' : (t >= 60 ? '#d9a21b' : '#c0392b') } };
      }),
      markLine: { silent: true, symbol: 'none', data: [{ yAxis: 60 }, { yAxis: 80 }] }
    }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
