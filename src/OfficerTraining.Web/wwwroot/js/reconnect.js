// The reconnect dialog's buttons (ReconnectModal.razor). Wired here rather than with onclick="…" attributes, which the
// Content-Security-Policy refuses like any inline script.
document.addEventListener('click', event => {
    const button = event.target.closest('#components-reconnect-modal button');
    if (!button) return;
    if (button.classList.contains('rc-retry')) Blazor.reconnect();
    else if (button.classList.contains('rc-paused')) Blazor.resumeCircuit();
    else if (button.classList.contains('rc-reload')) location.reload();
});
