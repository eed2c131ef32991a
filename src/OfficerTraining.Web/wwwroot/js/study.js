// The lesson page's heartbeat. It only reports what the page sees (visible, interacted, end reached); the server stamps
// each beat with its own clock and decides what counts, so nothing here reads or trusts the browser's time.
const interactions = ['scroll', 'wheel', 'keydown', 'pointerdown', 'touchstart'];

export function start(page, sentinel, everyMs) {
    let interacted = false, reachedEnd = false, stopped = false;
    const mark = () => { interacted = true; };
    // A playing video counts as attention; timeupdate does not bubble, so it is caught on the way down.
    const playing = e => { if (e.target instanceof HTMLMediaElement && !e.target.paused) interacted = true; };
    const beat = () => {
        if (stopped) return;
        const report = [document.visibilityState === 'visible', interacted, reachedEnd];
        interacted = false;
        page.invokeMethodAsync('Beat', ...report).catch(() => { /* the circuit is gone or reconnecting */ });
    };

    interactions.forEach(t => window.addEventListener(t, mark, { capture: true, passive: true }));
    document.addEventListener('timeupdate', playing, true);
    document.addEventListener('visibilitychange', beat);
    let observer = null;
    if ('IntersectionObserver' in window && sentinel instanceof Element) {
        observer = new IntersectionObserver(entries => {
            if (entries.some(e => e.isIntersecting)) {
                reachedEnd = true;
                observer.disconnect();
            }
        });
        observer.observe(sentinel);
    } else {
        reachedEnd = true; // no way to tell: the minutes alone decide
    }
    const timer = setInterval(beat, everyMs);
    beat(); // the tab's first beat starts its clock on the server

    return {
        stop() {
            stopped = true;
            clearInterval(timer);
            observer?.disconnect();
            interactions.forEach(t => window.removeEventListener(t, mark, { capture: true }));
            document.removeEventListener('timeupdate', playing, true);
            document.removeEventListener('visibilitychange', beat);
        },
    };
}
