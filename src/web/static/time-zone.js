// Offers the browser's time zone to a person who has not set one (forms marked data-time-zone-form).
(() => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) return;
  for (const form of document.querySelectorAll('form[data-time-zone-form]')) {
    form.elements.timeZone.value = zone;
    const label = form.querySelector('[data-zone]');
    if (label) label.textContent = `(${zone.replaceAll('_', ' ')})`;
    form.hidden = false;
  }
})();
