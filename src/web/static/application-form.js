// Progressive enhancement of the application form: the motivation statement's character count, updated
// as the applicant types. The page works without it; the server enforces the limits.
(() => {
  for (const counter of document.querySelectorAll('[data-counter-for]')) {
    const field = document.getElementById(counter.getAttribute('data-counter-for'));
    const template = counter.getAttribute('data-template');
    if (!field || !template) continue;
    let timer;
    const update = () => {
      counter.textContent = template.replace('#COUNT#', String([...field.value.trim()].length));
    };
    // Screen readers hear the count after a pause in typing, not at every key.
    field.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(update, 400);
    });
  }
})();
