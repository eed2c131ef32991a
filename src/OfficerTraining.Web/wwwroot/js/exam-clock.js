// The exam clock's countdown, drawn in the browser so that a hall of officers does not cost the server one render per
// officer per second. The server owns the time: it hands over the time left when the page renders (and again at each
// phase), and this counts it down on the browser's monotonic clock (performance.now), so neither a wrong device clock
// nor a throttled background tab can make it drift: each tick recomputes from the moment the server's figure arrived.
const clocks = new WeakMap();

function format(ms) {
    const total = ms <= 0 ? 0 : Math.ceil(ms / 1000);
    const h = Math.floor(total / 3600), m = Math.floor(total / 60) % 60, s = total % 60;
    const two = n => String(n).padStart(2, '0');
    return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

export function show(clock, value, remainingMs, labelTemplate) {
    let state = clocks.get(clock);
    if (!state) {
        state = {};
        clocks.set(clock, state);
        const tick = () => {
            if (!clock.isConnected) { clearInterval(state.timer); return; }
            const text = format(state.remainingMs - (performance.now() - state.since));
            if (state.value.textContent !== text) state.value.textContent = text;
            clock.setAttribute('aria-label', state.labelTemplate.replace('{0}', text));
        };
        state.tick = tick;
        state.timer = setInterval(tick, 250);
        document.addEventListener('visibilitychange', tick);
    }
    Object.assign(state, { value, remainingMs, labelTemplate, since: performance.now() });
    state.tick();
}
