/* DRG payment (R-PAY-2): CMI and surplus/overspend by hospital (bars), in the table's order. */
(function () {
  'use strict';
  var source = document.getElementById('drg-data');
  if (!source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  function bars(id, values, color) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      color: [color],
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 16, right: 24, top: 24, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: data.hospitals, axisLabel: { interval: 0, rotate: data.hospitals.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: [{ name: el.getAttribute('data-label'), type: 'bar', data: values, barMaxWidth: 28 }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  bars('chart-drg-cmi', data.cmi, '#1f5fa8');
  bars('chart-drg-surplus', data.surplus.map(function (v) {
    return { value: v, itemStyle: { color: Number(v) < 0 ? '#d35f5f' : '#3a8f5c' } };
  }), '#3a8f5c');
})();
