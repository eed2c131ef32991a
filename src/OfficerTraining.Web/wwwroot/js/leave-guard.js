// Leaving or reloading the page asks first while an element says work is still on its way (data-confirm-leave: the exam
// page sets it while an answer is being saved). The attribute comes with the page's own renders and is read only at
// the moment of leaving, so marking and clearing it costs no call from the server (a NavigationLock cost two JS interop
// round trips per answer, one to turn the prompt on and one to turn it off).
addEventListener('beforeunload', event => {
    if (!document.querySelector('[data-confirm-leave]')) return;
    event.preventDefault();
    event.returnValue = true;
});
