/** UI strings in English and Simplified Chinese (the console's output is kubectl's own English). */
export const MESSAGES = {
  en: {
    tagline: 'Kubernetes v1.32, simulated in your browser.',
    consoleLabel: 'Terminal: type kubectl, etcdctl or sim commands',
    placeholder: 'kubectl get nodes',
    simTime: 'Sim time',
    booting: 'Booting the cluster…',
    language: 'Language',
  },
  'zh-CN': {
    tagline: 'Kubernetes v1.32，在浏览器中模拟运行。',
    consoleLabel: '终端：输入 kubectl、etcdctl 或 sim 命令',
    placeholder: 'kubectl get nodes',
    simTime: '模拟时间',
    booting: '集群启动中…',
    language: '语言',
  },
} as const;

export type Locale = keyof typeof MESSAGES;
export type MessageKey = keyof (typeof MESSAGES)['en'];

/** detectLocale picks zh-CN for any Chinese browser language, English otherwise. */
export function detectLocale(languages: readonly string[]): Locale {
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}
