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

  function bar(chart) {
    return {
      color: palette,
      // Figures, not a show: draw at once (also makes screenshots deterministic).
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 56, right: 16, top: 16, bottom: 64, containLabel: false },
      xAxis: { type: 'category', data: chart.categories, axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: chart.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'total', data: s.data, barMaxWidth: 48 };
      })
    };
  }

  function pie(chart) {
    return {
      color: palette,
      animation: false,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [{ name: chart.title, type: 'pie', radius: ['40%', '66%'], center: ['50%', '45%'],
                 label: { formatter: '{b}\n{c}' }, data: chart.data }]
    };
  }

  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var name = el.getAttribute('data-chart');
    var chart = data[name];
    if (!chart) {
      return;
    }
    var instance = echarts.init(el, null, { renderer: 'canvas' });
    instance.setOption(name === 'insutypes' ? pie(chart) : bar(chart));
    charts.push(instance);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
