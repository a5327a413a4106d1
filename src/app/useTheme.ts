import { useEffect, useState } from 'react';

export type Theme = 'system' | 'light' | 'dark';

/** useTheme keeps the `dark` class on <html> in line with the choice (or the system's). */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(() => (localStorage.getItem('k8sim.theme') as Theme | null) ?? 'system');
  useEffect(() => {
    localStorage.setItem('k8sim.theme', theme);
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => document.documentElement.classList.toggle('dark', theme === 'dark' || (theme === 'system' && query.matches));
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);
  return [theme, setTheme];
}
