/**
 * Copies text to the clipboard; resolves false when the browser refuses (plain HTTP on a LAN
 * address has no Clipboard API), after trying the legacy selection-based copy.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      // execCommand is deprecated but is the only copy path outside secure contexts.
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
