declare const google: { script: { host: { close(): void } } };

document.getElementById('close')?.addEventListener('click', () => google.script.host.close());
document.getElementById('close')?.focus();
