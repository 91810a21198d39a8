/* Dashboard charts: data and labels come from the page (JSON rendered by the server). */
(function () {
  'use strict';
  var source = document.getElementById('dashboard-data');
  if (!source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var palette = ['#1f5fa8', '#3aa17e', '#e0a030', '#8a6bbf', '#d35f5f', '#5b8fd0'];
  var charts = [];

  // Horizontal when the category names are long (institution kinds), vertical otherwise.
  function bar(chart, horizontal) {
    var categoryAxis = horizontal
      ? { type: 'category', data: chart.categories, inverse: true, axisLabel: { width: 110, overflow: 'truncate' } }
      : { type: 'category', data: chart.categories, axisLabel: { interval: 0, width: 90, overflow: 'break' } };
    var valueAxis = { type: 'value', minInterval: 1 };
    return {
      color: palette,
      // Figures, not a show: draw at once (also makes screenshots deterministic).
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 16, right: 24, top: 16, bottom: 48, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: chart.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'total', data: s.data, barMaxWidth: 40 };
      })
    };
  }

  function pie(chart) {
    return {
      color: palette,
      animation: false,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [{ name: chart.title, type: 'pie', radius: ['36%', '70%'], center: ['50%', '45%'],
                 label: { position: 'inside', formatter: '{d}%', color: '#fff' }, data: chart.data }]
    };
  }

  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var name = el.getAttribute('data-chart');
    var chart = data[name];
    if (!chart) {
      return;
    }
    var instance = echarts.init(el, null, { renderer: 'canvas' });
    instance.setOption(chart.data ? pie(chart) : bar(chart, name === 'institutions'));
    charts.push(instance);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
