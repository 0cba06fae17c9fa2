// Shows a glossary term's or actor's summary beside a linked mention, on hover and on keyboard focus.
// Without this script (or on touch) a mention is simply a link.
//
// The summaries are in one file for the whole site, definitions.json beside assets/, fetched once (the
// browser caches it): this script fills them into the hidden elements the mentions' aria-describedby
// names, so screen readers read them too, instead of every page repeating them.
(() => {
  const mentions = document.querySelectorAll('a.mention[aria-describedby]');
  if (mentions.length === 0) return;

  const script = document.currentScript;
  const definitionsUrl = new URL('../definitions.json', script ? script.src : location.href);
  const loaded = fetch(definitionsUrl)
    .then((response) => (response.ok ? response.json() : {}))
    .then((definitions) => {
      for (const link of mentions) {
        const element = document.getElementById(link.getAttribute('aria-describedby'));
        const definition = definitions[link.getAttribute('aria-describedby')];
        if (!element || !definition || element.textContent) continue;
        element.dataset.title = definition[0];
        element.textContent = definition[1];
      }
    })
    .catch(() => {}); // offline or blocked: mentions stay plain links to their entries

  const popover = document.createElement('div');
  popover.className = 'mention-popover';
  popover.hidden = true;
  popover.setAttribute('aria-hidden', 'true'); // the link's aria-describedby already reads the summary
  document.body.appendChild(popover);

  let hideTimer = 0;

  const show = (link) => {
    const definition = document.getElementById(link.getAttribute('aria-describedby'));
    if (!definition) return;
    if (!definition.textContent) {
      // Not loaded yet: shown once it is, if the reader is still on the mention.
      loaded.then(() => { if (definition.textContent && link.matches(':hover, :focus-visible')) show(link); });
      return;
    }
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

  for (const link of mentions) {
    link.addEventListener('pointerenter', (event) => { if (event.pointerType !== 'touch') show(link); });
    link.addEventListener('pointerleave', hideSoon);
    link.addEventListener('focus', () => { if (link.matches(':focus-visible')) show(link); });
    link.addEventListener('blur', hide);
  }
  popover.addEventListener('pointerenter', () => clearTimeout(hideTimer));
  popover.addEventListener('pointerleave', hideSoon);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !popover.hidden) hide();
  });
})();
