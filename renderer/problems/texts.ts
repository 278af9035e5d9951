import { translator, type Catalogue } from '../../flows/i18n/index.ts';

type ProblemsTextKey =
  | 'problems-region'
  | 'errors-heading'
  | 'warnings-heading'
  | 'no-problems'
  | 'no-flow'
  | 'checking'
  | 'check-failed'
  | 'errors-count-one'
  | 'errors-count-other'
  | 'warnings-count-one'
  | 'warnings-count-other'
  | 'status-blocked'
  | 'status-ready'
  | 'status-ready-warnings'
  | 'whole-flow'
  | 'path-shown'
  | 'hide-path'
  | 'badge-error'
  | 'badge-warning'
  | 'fix-failed'
  | 'dock-label'
  | 'tab-problems'
  | 'tab-settings'
  | 'tab-data-map';

/** The Problems panel's own words (DESIGN.md §6), in every interface language. Rule ids stay as they are. */
const catalogue: Catalogue<ProblemsTextKey> = {
  en: {
    'problems-region': 'Problems',
    'errors-heading': 'Errors ({count})',
    'warnings-heading': 'Warnings ({count})',
    'no-problems': 'No problems found: every path of this flow respects its declarations.',
    'no-flow': 'Open a flow to check it.',
    checking: 'Checking…',
    'check-failed': 'The privacy check could not run ({reason}). Change the flow to try again.',
    'errors-count-one': '1 error',
    'errors-count-other': '{count} errors',
    'warnings-count-one': '1 warning',
    'warnings-count-other': '{count} warnings',
    'status-blocked': '{counts} — export blocked',
    'status-ready': 'Ready to export',
    'status-ready-warnings': 'Ready to export ({warnings} to review)',
    'whole-flow': 'Whole flow',
    'path-shown': 'The canvas shows the path from Start to this problem: {steps}.',
    'hide-path': 'Hide the path',
    'badge-error': '{count} problems on this step, at least one an error',
    'badge-warning': '{count} warnings on this step',
    'fix-failed': 'This fix no longer fits the flow. The flow was not changed.',
    'dock-label': 'Privacy',
    'tab-problems': 'Problems',
    'tab-settings': 'Flow settings',
    'tab-data-map': 'Data map',
  },
  'pt-BR': {
    'problems-region': 'Problemas',
    'errors-heading': 'Erros ({count})',
    'warnings-heading': 'Avisos ({count})',
    'no-problems': 'Nenhum problema: todos os caminhos deste fluxo respeitam as declarações.',
    'no-flow': 'Abra um fluxo para verificá-lo.',
    checking: 'Verificando…',
    'check-failed': 'A verificação de privacidade não pôde ser feita ({reason}). Altere o fluxo para tentar de novo.',
    'errors-count-one': '1 erro',
    'errors-count-other': '{count} erros',
    'warnings-count-one': '1 aviso',
    'warnings-count-other': '{count} avisos',
    'status-blocked': '{counts} — exportação bloqueada',
    'status-ready': 'Pronto para exportar',
    'status-ready-warnings': 'Pronto para exportar ({warnings} para revisar)',
    'whole-flow': 'Fluxo inteiro',
    'path-shown': 'O canvas mostra o caminho do Início até este problema: {steps}.',
    'hide-path': 'Ocultar o caminho',
    'badge-error': '{count} problemas nesta etapa, ao menos um erro',
    'badge-warning': '{count} avisos nesta etapa',
    'fix-failed': 'Esta correção não se aplica mais ao fluxo. Nada foi alterado.',
    'dock-label': 'Privacidade',
    'tab-problems': 'Problemas',
    'tab-settings': 'Configurações do fluxo',
    'tab-data-map': 'Mapa de dados',
  },
  ar: {
    'problems-region': 'المشكلات',
    'errors-heading': 'الأخطاء ({count})',
    'warnings-heading': 'التحذيرات ({count})',
    'no-problems': 'لا مشكلات: كل مسارات هذا المسار تحترم ما صُرِّح به.',
    'no-flow': 'افتح مسارًا لفحصه.',
    checking: 'جارٍ الفحص…',
    'check-failed': 'تعذّر تشغيل فحص الخصوصية ({reason}). عدّل المسار للمحاولة مرة أخرى.',
    // Arabic counts read naturally as "label: number", which needs no plural forms.
    'errors-count-one': 'الأخطاء: 1',
    'errors-count-other': 'الأخطاء: {count}',
    'warnings-count-one': 'التحذيرات: 1',
    'warnings-count-other': 'التحذيرات: {count}',
    'status-blocked': '{counts} — التصدير ممنوع',
    'status-ready': 'جاهز للتصدير',
    'status-ready-warnings': 'جاهز للتصدير ({warnings} للمراجعة)',
    'whole-flow': 'المسار كله',
    'path-shown': 'تعرض اللوحة الطريق من البداية إلى هذه المشكلة: {steps}.',
    'hide-path': 'إخفاء الطريق',
    'badge-error': 'المشكلات في هذه الخطوة: {count}، منها خطأ واحد على الأقل',
    'badge-warning': 'التحذيرات في هذه الخطوة: {count}',
    'fix-failed': 'هذا الإصلاح لم يعد يناسب المسار. لم يتغيّر شيء.',
    'dock-label': 'الخصوصية',
    'tab-problems': 'المشكلات',
    'tab-settings': 'إعدادات المسار',
    'tab-data-map': 'خريطة البيانات',
  },
};

export const problemsText = translator(catalogue);
export type { ProblemsTextKey };
