// Small browser helpers called from Blazor (theme preference, clipboard, file downloads).
window.sidig = {
  isDark: () => localStorage.getItem('sidig-dark') === 'true',
  setDark: (dark) => localStorage.setItem('sidig-dark', dark ? 'true' : 'false'),
  copy: (text) => navigator.clipboard?.writeText(text),
  // Saves a file the server streams through a DotNetStreamReference (exports made in the circuit).
  downloadFileFromStream: async (fileName, streamReference) => {
    const blob = new Blob([await streamReference.arrayBuffer()]);
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName ?? '';
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  },
};
