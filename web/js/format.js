// Number and label formatting shared by the page's views. Figures are shown as the API gives them
// (its rounding), with thousands separators, so the page never disagrees with /v1/routes.

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const REGION = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

/** 5524.6 → "5,524.6". */
export const num = (x) => NUMBER.format(x);

/** A signed difference: "+12.5", "−1,277.1", "0". */
export function signed(x) {
  if (x === 0) return '0';
  return `${x > 0 ? '+' : '−'}${NUMBER.format(Math.abs(x))}`;
}

/** ISO 3166-1 alpha-2 → English name ("AF" → "Afghanistan"), the code itself when unknown. */
export function countryName(code) {
  try {
    return (REGION && REGION.of(code)) || code;
  } catch {
    return code;
  }
}

const COMPONENT_LABELS = {
  running: 'running',
  borderDwell: 'border dwell',
  gaugeChange: 'gauge change',
  ferry: 'ferry',
  sea: 'sea',
  transfer: 'mode transfer',
  terminal: 'terminal',
};

/** A time component's name in words: known names from the table, others split from camelCase. */
export function componentLabel(key) {
  return COMPONENT_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export const STATUS_LABELS = {
  operational: 'operational',
  'under-construction': 'under construction',
  planned: 'planned',
  proposed: 'proposed',
  suspended: 'suspended',
};

export const HANDLING_LABELS = {
  none: 'no change',
  'bogie-exchange': 'bogie exchange',
  transshipment: 'transshipment',
  'bogie-exchange-or-transshipment': 'bogie exchange or transshipment',
  'rail-to-road': 'rail to road',
};

/** Creates an element with optional class and text. */
export function el(tag, { className, text, attrs } = {}, children = []) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  if (attrs) for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}
