import type { UiLanguage } from '../../flows/i18n/index.ts';

/** React Flow's own words for screen readers and its controls, in the interface language. */
export const canvasAriaLabels: Record<
  UiLanguage,
  Record<string, string | ((params: { direction: string; x: number; y: number }) => string)>
> = {
  en: {
    'node.a11yDescription.default': 'Press Enter or Space to select a step, Delete to remove it, Escape to cancel.',
    'node.a11yDescription.keyboardDisabled':
      'Press Enter or Space to select a step, then the arrow keys move it. Delete removes it, Escape cancels.',
    'node.a11yDescription.ariaLiveMessage': ({ x, y }) => `Step moved. New position: ${x}, ${y}.`,
    'edge.a11yDescription.default':
      'Press Enter or Space to select a connection, then Delete to remove it or Escape to cancel.',
    'controls.ariaLabel': 'View controls',
    'controls.zoomIn.ariaLabel': 'Zoom in',
    'controls.zoomOut.ariaLabel': 'Zoom out',
    'controls.fitView.ariaLabel': 'Zoom to fit',
    'controls.interactive.ariaLabel': 'Lock or unlock the canvas',
    'minimap.ariaLabel': 'Overview map',
    'handle.ariaLabel': 'Connection point',
  },
  'pt-BR': {
    'node.a11yDescription.default':
      'Tecle Enter ou Espaço para selecionar uma etapa, Delete para removê-la, Esc para cancelar.',
    'node.a11yDescription.keyboardDisabled':
      'Tecle Enter ou Espaço para selecionar uma etapa; as setas a movem. Delete remove, Esc cancela.',
    'node.a11yDescription.ariaLiveMessage': ({ x, y }) => `Etapa movida. Nova posição: ${x}, ${y}.`,
    'edge.a11yDescription.default':
      'Tecle Enter ou Espaço para selecionar uma ligação, depois Delete para removê-la ou Esc para cancelar.',
    'controls.ariaLabel': 'Controles de visualização',
    'controls.zoomIn.ariaLabel': 'Aproximar',
    'controls.zoomOut.ariaLabel': 'Afastar',
    'controls.fitView.ariaLabel': 'Ajustar à tela',
    'controls.interactive.ariaLabel': 'Travar ou destravar a tela',
    'minimap.ariaLabel': 'Mapa geral',
    'handle.ariaLabel': 'Ponto de ligação',
  },
  ar: {
    'node.a11yDescription.default': 'اضغط Enter أو المسافة لتحديد خطوة، وDelete لحذفها، وEscape للإلغاء.',
    'node.a11yDescription.keyboardDisabled':
      'اضغط Enter أو المسافة لتحديد خطوة، ثم تحركها الأسهم. Delete يحذفها وEscape يلغي.',
    'node.a11yDescription.ariaLiveMessage': ({ x, y }) => `نُقلت الخطوة. الموضع الجديد: ${x}، ${y}.`,
    'edge.a11yDescription.default': 'اضغط Enter أو المسافة لتحديد اتصال، ثم Delete لحذفه أو Escape للإلغاء.',
    'controls.ariaLabel': 'أدوات العرض',
    'controls.zoomIn.ariaLabel': 'تكبير',
    'controls.zoomOut.ariaLabel': 'تصغير',
    'controls.fitView.ariaLabel': 'ملاءمة العرض',
    'controls.interactive.ariaLabel': 'قفل اللوحة أو فتحها',
    'minimap.ariaLabel': 'خريطة عامة',
    'handle.ariaLabel': 'نقطة اتصال',
  },
};
