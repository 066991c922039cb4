// Samples for code/js/string-timer.
function schedule(name) {
  // bulwark-expect: string-timer
  setTimeout('refresh("' + name + '")', 1000);
  // bulwark-expect: string-timer
  setInterval(`poll('${name}')`, 5000);
  // bulwark-ok: string-timer (the safe variant: a function, not a string)
  setTimeout(() => refresh(name), 1000);
  // bulwark-ok: string-timer (a named function reference)
  setInterval(poll, 5000);
}
