// A small live line chart in SVG (no library: one chart of a few series does not need one).
const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2'];

function el(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/**
 * Notifications per second per channel over the last `windowSeconds`, computed from successive
 * progress views: (settled now − settled before) / (time now − time before).
 */
export class ThroughputChart {
  constructor(windowSeconds = 120) {
    this.window = windowSeconds * 1000;
    this.series = new Map(); // channel -> [{t, rate}]
    this.last = new Map();   // channel -> {t, settled}
    this.svg = el('svg', {viewBox: '0 0 640 180', class: 'chart', role: 'img',
      'aria-label': 'Notifications per second per channel'});
    this.legend = document.createElement('div');
    this.legend.className = 'legend';
    this.root = document.createElement('figure');
    this.root.append(this.svg, this.legend);
  }

  /** Adds one observation: settled counts per channel at time t (ms). */
  add(t, settledByChannel) {
    for (const [channel, settled] of Object.entries(settledByChannel)) {
      const before = this.last.get(channel);
      this.last.set(channel, {t, settled});
      if (!before || t <= before.t) continue;
      const rate = Math.max(0, (settled - before.settled) * 1000 / (t - before.t));
      const points = this.series.get(channel) || [];
      points.push({t, rate});
      while (points.length && points[0].t < t - this.window) points.shift();
      this.series.set(channel, points);
    }
    this.draw(t);
  }

  peak(channel) {
    return Math.max(0, ...(this.series.get(channel) || []).map(p => p.rate));
  }

  draw(now) {
    const w = 640, hgt = 180, left = 48, bottom = 20;
    const max = Math.max(10, ...[...this.series.values()].flat().map(p => p.rate));
    const x = t => left + (w - left - 8) * (1 - (now - t) / this.window);
    const y = r => (hgt - bottom) - (hgt - bottom - 8) * r / max;
    this.svg.replaceChildren();
    for (const f of [0, 0.5, 1]) {
      this.svg.append(el('line', {x1: left, x2: w - 8, y1: y(max * f), y2: y(max * f), class: 'grid'}));
      const label = el('text', {x: left - 6, y: y(max * f) + 4, 'text-anchor': 'end', class: 'axis'});
      label.textContent = `${Math.round(max * f).toLocaleString()}/s`;
      this.svg.append(label);
    }
    const axis = el('text', {x: w - 8, y: hgt - 4, 'text-anchor': 'end', class: 'axis'});
    axis.textContent = `last ${this.window / 1000} s`;
    this.svg.append(axis);
    this.legend.replaceChildren();
    [...this.series.keys()].forEach((channel, i) => {
      const colour = COLOURS[i % COLOURS.length];
      const points = this.series.get(channel);
      if (points.length > 0) {
        this.svg.append(el('polyline', {fill: 'none', stroke: colour, 'stroke-width': 2,
          points: points.map(p => `${x(p.t).toFixed(1)},${y(p.rate).toFixed(1)}`).join(' ')}));
      }
      const item = document.createElement('span');
      const swatch = document.createElement('i');
      swatch.className = `swatch c${i % COLOURS.length}`;
      item.append(swatch, ` ${channel}: ${Math.round(points.at(-1)?.rate || 0).toLocaleString()}/s now, peak ${Math.round(this.peak(channel)).toLocaleString()}/s`);
      this.legend.append(item);
    });
  }
}
