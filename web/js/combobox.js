// A text input with a list of suggestions (WAI-ARIA combobox pattern): typing asks
// /v1/places?q=…, which matches names, aliases and UN/LOCODEs ignoring case and accents.
// Arrow keys move through the list, Enter takes the highlighted place (and otherwise
// submits the form as usual), Escape closes it.
import { getJson } from './api.js';
import { countryName, el } from './format.js';

let counter = 0;

export function attachPlaceCombobox(input) {
  const list = el('ul', { className: 'combo-list', attrs: { role: 'listbox', id: `combo-${++counter}` } });
  list.hidden = true;
  input.insertAdjacentElement('afterend', list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('autocomplete', 'off');

  let places = [];
  let active = -1;
  let timer = 0;
  let seq = 0;

  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', `${list.id}-${i}`);
      list.children[i].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const pick = (i) => {
    const p = places[i];
    if (!p) return;
    input.value = p.name;
    close();
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  const render = () => {
    list.replaceChildren(
      ...places.map((p, i) => {
        const meta = [countryName(p.country), p.unlocode, ...p.aliases.slice(0, 3)].filter(Boolean).join(' · ');
        const li = el('li', { attrs: { role: 'option', id: `${list.id}-${i}`, 'aria-selected': 'false' } }, [
          el('span', { className: 'combo-name', text: p.name }),
          el('span', { className: 'combo-meta', text: meta }),
        ]);
        li.addEventListener('mousedown', (e) => e.preventDefault()); // keep the focus in the input
        li.addEventListener('click', () => pick(i));
        return li;
      }),
    );
    active = -1;
    list.hidden = places.length === 0;
    input.setAttribute('aria-expanded', String(places.length > 0));
  };

  const refresh = async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (q === '') {
      places = [];
      close();
      return;
    }
    try {
      const page = await getJson(`/v1/places?q=${encodeURIComponent(q)}&limit=8`);
      if (mine !== seq || document.activeElement !== input) return;
      places = page.items;
      render();
    } catch {
      // No suggestions this time; the planner still resolves the typed text itself.
      if (mine === seq) close();
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 120);
  });
  input.addEventListener('keydown', (e) => {
    const open = !list.hidden && places.length > 0;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        void refresh();
        return;
      }
      const n = places.length;
      highlight(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      pick(active);
    } else if (e.key === 'Enter' || e.key === 'Escape') {
      // Enter submits the text as typed, Escape dismisses: neither may let a suggestion list still on its way
      // (debounced, or fetching) open over the form and the answer afterwards.
      clearTimeout(timer);
      seq++;
      if (e.key === 'Escape' && open) e.preventDefault();
      close();
    } else if (e.key === 'Tab') {
      close();
    }
  });
  input.addEventListener('blur', () => {
    seq++;
    close();
  });
  return { close };
}
