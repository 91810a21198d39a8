/* Analytics charts (R-KPI): months on the x axis; stacked bars, grouped bars or a percentage line, as the data says. */
(function () {
  'use strict';
  var source = document.getElementById('analytics-data');
  if (!source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var palette = ['#1f5fa8', '#3aa17e', '#e0a030', '#8a6bbf', '#d35f5f', '#5b8fd0'];
  var charts = [];
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var chart = data[el.getAttribute('data-chart')];
    if (!chart) {
      return;
    }
    var instance = echarts.init(el, null, { renderer: 'canvas' });
    instance.setOption({
      color: palette,
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 16, right: 24, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: chart.categories },
      yAxis: chart.percent ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
        : { type: 'value', min: chart.negative ? undefined : 0 },
      series: chart.series.map(function (s) {
        return s.type === 'line'
          ? { name: s.name, type: 'line', data: s.data, connectNulls: false }
          : { name: s.name, type: 'bar', stack: chart.grouped ? undefined : 'total', data: s.data, barMaxWidth: 28 };
      })
    });
    charts.push(instance);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
