import { useEffect, useState } from 'react';

export type Theme = 'system' | 'light' | 'dark';

/**
 * useTheme keeps the `dark` class on <html> in line with the choice (or the system's) and says
 * whether the page is dark now (React Flow needs it as its colorMode).
 */
export function useTheme(): [Theme, (theme: Theme) => void, boolean] {
  const [theme, setTheme] = useState<Theme>(() => (localStorage.getItem('k8sim.theme') as Theme | null) ?? 'system');
  const [dark, setDark] = useState(false);
  useEffect(() => {
    localStorage.setItem('k8sim.theme', theme);
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const isDark = theme === 'dark' || (theme === 'system' && query.matches);
      document.documentElement.classList.toggle('dark', isDark);
      setDark(isDark);
    };
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);
  return [theme, setTheme, dark];
}
