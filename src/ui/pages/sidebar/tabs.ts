/**
 * The Edit / Check-in switch as an ARIA tab list: Tab reaches the selected tab,
 * Left/Right (and Home/End) move between tabs and show their panel.
 * https://www.w3.org/WAI/ARIA/apg/patterns/tabs/
 */
export function setUpTabs(tablist: HTMLElement): void {
  const tabs = Array.from(tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
  const select = (chosen: HTMLButtonElement, focus: boolean) => {
    for (const tab of tabs) {
      const selected = tab === chosen;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !selected;
    }
    if (focus) chosen.focus();
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab, true));
    tab.addEventListener('keydown', (event: KeyboardEvent) => {
      const i = tabs.indexOf(tab);
      const next: Record<string, number> = {
        ArrowRight: (i + 1) % tabs.length,
        ArrowLeft: (i - 1 + tabs.length) % tabs.length,
        Home: 0,
        End: tabs.length - 1,
      };
      const target = tabs[next[event.key] ?? -1];
      if (target === undefined) return;
      event.preventDefault();
      select(target, true);
    });
  }
}
