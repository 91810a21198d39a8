/*
 * DRG payment (R-PAY-2): CMI and surplus/overspend by hospital (bars), in the table's order; once a corrections
 * round has run, the month as corrected stands beside the run's in a lighter shade.
 */
(function () {
  'use strict';
  var source = document.getElementById('drg-data');
  if (!source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  function bars(id, values, corrected, color, correctedColor) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var label = el.getAttribute('data-label');
    var series = [{ name: label, type: 'bar', data: values, barMaxWidth: 28 }];
    if (corrected) {
      series.push({ name: label + ' · ' + el.getAttribute('data-label-corrected'), type: 'bar', data: corrected, barMaxWidth: 28 });
    }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      color: [color, correctedColor],
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 16, right: 24, top: 24, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: data.hospitals, axisLabel: { interval: 0, rotate: data.hospitals.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  function signed(values, positive, negative) {
    return values && values.map(function (v) {
      return { value: v, itemStyle: { color: Number(v) < 0 ? negative : positive } };
    });
  }
  bars('chart-drg-cmi', data.cmi, data.cmiCorrected, '#1f5fa8', '#8fb3de');
  bars('chart-drg-surplus', signed(data.surplus, '#3a8f5c', '#d35f5f'),
    signed(data.surplusCorrected, '#9cc9ab', '#e9a3a3'), '#3a8f5c', '#9cc9ab');
})();
