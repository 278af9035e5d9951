// `npm start`: builds the desktop app and opens it in Electron. Electron's binary is downloaded
// by `npm install` (node_modules/electron); where it is missing, this says how to get it, and
// points to the browser edition, which needs no Electron at all.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closestUiLanguage, translator, type Catalogue } from '../flows/i18n/index.ts';
import { bundleShell, buildRenderer } from './build-desktop.ts';
import { electronSqliteBinding } from './electron-sqlite.ts';
import { ensureFresh, prebuilt } from './prebuilt.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = translator<'no-electron' | 'no-sqlite'>({
  en: {
    'no-electron':
      'Electron’s program is not installed ({reason}). Run `npx install-electron` with internet access, or use the browser edition: npm run web',
    'no-sqlite':
      'Could not build the SQLite module for Electron {version} (see npm’s output above). Check the internet connection and a C++ compiler, or use the browser edition: npm run web',
  },
  'pt-BR': {
    'no-electron':
      'O programa do Electron não está instalado ({reason}). Execute `npx install-electron` com acesso à internet ou use a edição para navegador: npm run web',
    'no-sqlite':
      'Não foi possível compilar o módulo SQLite para o Electron {version} (veja a saída do npm acima). Verifique a conexão com a internet e um compilador C++, ou use a edição para navegador: npm run web',
  },
  ar: {
    'no-electron':
      'برنامج Electron غير مثبت ({reason}). شغّل ‎`npx install-electron`‎ مع اتصال بالإنترنت، أو استخدم إصدار المتصفح: npm run web',
    'no-sqlite':
      'تعذّر بناء وحدة SQLite لـ Electron {version} (انظر مخرجات npm أعلاه). تحقّق من الاتصال بالإنترنت ومن وجود مترجم C++‎، أو استخدم إصدار المتصفح: npm run web',
  },
} satisfies Catalogue<'no-electron' | 'no-sqlite'>);
const language = closestUiLanguage(process.env['AMANA_LANG'] ?? process.env['LANG']);

let electronBinary: string;
try {
  // In Node, the electron package's main export is the path of the downloaded binary.
  electronBinary = String(createRequire(import.meta.url)('electron'));
} catch (error) {
  console.error(say(language, 'no-electron', { reason: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
}

// The bot program the Export dialog copies, out/runtime/server.js, rebuilt if runtime/ changed.
await Promise.all([bundleShell(), buildRenderer(), ensureFresh(prebuilt.runtime)]);
const binding = electronSqliteBinding();
if (!binding) {
  console.error(
    say(language, 'no-sqlite', { version: String(createRequire(import.meta.url)('electron/package.json').version) }),
  );
  process.exit(1);
}

const child = spawn(electronBinary, ['.'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, AMANA_SQLITE_BINDING: binding },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
