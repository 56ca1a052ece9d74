// Progressive enhancement of an assignment's draft form: saves the draft a few seconds after the participant
// stops typing (the same POST as the "Save draft" button, which keeps working without JavaScript). Nothing
// is ever submitted by this script: submitting stays the participant's explicit act.
(() => {
  const form = document.getElementById('assignment-draft');
  const status = document.querySelector('[data-autosave-status]');
  if (!form || !status || !window.fetch) return;
  let timer;
  let sending = false;
  const save = async () => {
    if (sending) return;
    sending = true;
    status.textContent = status.getAttribute('data-saving') || '';
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin',
        redirect: 'manual',
      });
      const ok = response.type === 'opaqueredirect' || (response.status >= 200 && response.status < 400);
      status.textContent = status.getAttribute(ok ? 'data-saved' : 'data-failed') || '';
    } catch {
      status.textContent = status.getAttribute('data-failed') || '';
    } finally {
      sending = false;
    }
  };
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(save, 3000);
  });
})();
