// The baseline of renderer_vs_bare_ratio (tests/bench/renderer.ts): the least a React page
// showing a list can cost, a search box and a static table of 50 rows, built by the same Vite
// and React, and marked the moment its rows are in the DOM, as the app marks its list.
// createElement rather than JSX: the tests' tsconfig compiles .ts only.
import { createElement as h, useEffect } from 'react';
import { createRoot } from 'react-dom/client';

const ROWS = Array.from({ length: 50 }, (_, i) => ({
  id: i,
  started: `${String(1 + (i % 28)).padStart(2, '0')} Mar 2026 09:${String(i % 60).padStart(2, '0')}`,
  patient: `SYNTHETIC, Patient ${i + 1}`,
  nhs: `999 000 ${String(1000 + i)}`,
}));

function BarePage() {
  useEffect(() => {
    performance.mark('cryolog:session-list-shown');
  }, []);
  return h(
    'main',
    null,
    h('h1', null, 'Recent sessions'),
    h('label', { htmlFor: 'q' }, 'Find a patient’s sessions'),
    h('input', { id: 'q', type: 'search' }),
    h(
      'table',
      { 'aria-label': 'Recent sessions' },
      h('tbody', null, ...ROWS.map((r) => h('tr', { key: r.id }, h('td', null, h('a', { href: `#/session/${r.id}` }, r.started)), h('td', null, r.patient), h('td', null, r.nhs)))),
    ),
  );
}

createRoot(document.getElementById('root')!).render(h(BarePage));
