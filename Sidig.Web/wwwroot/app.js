// Small browser helpers called from Blazor (theme preference, clipboard).
window.sidig = {
  isDark: () => localStorage.getItem('sidig-dark') === 'true',
  setDark: (dark) => localStorage.setItem('sidig-dark', dark ? 'true' : 'false'),
  copy: (text) => navigator.clipboard?.writeText(text),
};
