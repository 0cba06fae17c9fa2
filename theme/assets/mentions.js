// Shows a glossary term's or actor's summary beside a linked mention, on hover and on keyboard focus, and
// makes it the mention's description (aria-describedby) for screen readers. The summaries come from
// definitions.json, one file for the whole site that the browser caches, keyed by the entry's address,
// so pages do not each carry them. Without this script (or on touch) a mention is simply a link.
(() => {
  const links = document.querySelectorAll('a.mention');
  if (links.length === 0) return;
  const script = document.currentScript;
  const definitionsUrl = new URL('../definitions.json', script ? script.src : location.href);

  const popover = document.createElement('div');
  popover.className = 'mention-popover';
  popover.hidden = true;
  popover.setAttribute('aria-hidden', 'true'); // the link's aria-describedby already reads the summary
  document.body.appendChild(popover);

  let hideTimer = 0;

  const show = (link) => {
    const definition = document.getElementById(link.getAttribute('aria-describedby'));
    if (!definition) return;
    clearTimeout(hideTimer);
    const title = document.createElement('strong');
    title.textContent = definition.dataset.title || link.textContent;
    const summary = document.createElement('span');
    summary.textContent = definition.textContent;
    popover.replaceChildren(title, summary);
    popover.hidden = false;
    place(link);
  };

  const hide = () => {
    clearTimeout(hideTimer);
    popover.hidden = true;
  };

  // A short delay lets the pointer travel from the link onto the popover without losing it (WCAG 1.4.13).
  const hideSoon = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  };

  const place = (link) => {
    const box = link.getBoundingClientRect();
    const width = Math.min(320, document.documentElement.clientWidth - 16);
    popover.style.maxWidth = `${width}px`;
    const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    const below = box.bottom + 6;
    const height = popover.offsetHeight;
    const top = below + height > window.innerHeight && box.top - height - 6 > 0 ? box.top - height - 6 : below;
    popover.style.left = `${left + window.scrollX}px`;
    popover.style.top = `${top + window.scrollY}px`;
  };

  // One hidden element per entry the page mentions, the description of each of its mentions.
  const describe = (definitions) => {
    const holder = document.createElement('div');
    holder.className = 'definitions';
    holder.hidden = true;
    const ids = new Map();
    for (const link of links) {
      const address = new URL(link.href).pathname;
      const definition = definitions[address];
      if (!definition) continue;
      if (!ids.has(address)) {
        const element = document.createElement('p');
        element.id = `definition-${ids.size + 1}`;
        element.dataset.title = definition[0];
        element.textContent = definition[1];
        holder.appendChild(element);
        ids.set(address, element.id);
      }
      link.setAttribute('aria-describedby', ids.get(address));
      link.addEventListener('pointerenter', (event) => { if (event.pointerType !== 'touch') show(link); });
      link.addEventListener('pointerleave', hideSoon);
      link.addEventListener('focus', () => { if (link.matches(':focus-visible')) show(link); });
      link.addEventListener('blur', hide);
    }
    document.body.appendChild(holder);
    // A reader already on a mention when the summaries arrive sees its popover at once.
    const current = [...links].find((link) => link.matches(':hover, :focus-visible'));
    if (current) show(current);
  };

  popover.addEventListener('pointerenter', () => clearTimeout(hideTimer));
  popover.addEventListener('pointerleave', hideSoon);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !popover.hidden) hide();
  });
  fetch(definitionsUrl)
    .then((response) => (response.ok ? response.json() : {}))
    .then(describe)
    .catch(() => {}); // without the summaries a mention stays a plain link
})();
