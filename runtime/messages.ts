import { closestUiLanguage, translator, type Catalogue, type UiLanguage } from '../flows/i18n/index.ts';
import { allHidden } from './stats/all-hidden.ts';

/**
 * What the exported bot says to the person running it (start-up problems, command output) and
 * the few words it says to customers itself. Values of secrets are never part of a message.
 */
const en = {
  'config-problems':
    'The bot cannot start. Fix these settings (environment variables, or the .env file beside server.js):',
  missing: '{name} is not set. {hint}',
  blank: '{name} is empty. {hint}',
  'hint-app-secret': 'It is the app secret in the Meta App Dashboard (App settings → Basic).',
  'hint-verify-token': 'Choose any secret phrase and type the same one in your Meta app’s webhook settings.',
  'hint-access-token': 'Use a System User access token with the whatsapp_business_messaging permission.',
  'hint-phone-number-id': 'It is the Phone number ID in WhatsApp Manager → API setup.',
  'hint-data-key':
    'Create one with: node server.js keygen (and keep a copy somewhere safe: without it the data cannot be read).',
  'data-key-both': 'Set AMANA_DATA_KEY or AMANA_DATA_KEY_FILE, not both.',
  'data-key-not-base64': '{name} is not base64 text. Create a key with: node server.js keygen',
  'data-key-length': '{name} must hold exactly 32 bytes in base64 (44 characters); it holds {bytes} bytes.',
  'data-key-file-unreadable': 'AMANA_DATA_KEY_FILE: cannot read {file} ({reason}).',
  'env-file-open':
    'Warning: {file} holds the bot’s secrets and can be read by other users of this machine. Run: chmod 600 {file}',
  'data-key-file-open':
    'Warning: {file} (AMANA_DATA_KEY_FILE) can be read by other users of this machine. Run: chmod 600 {file}',
  'not-integer': '{name} must be a whole number from {min} to {max}; it is "{value}".',
  'phone-number-id-digits': 'WHATSAPP_PHONE_NUMBER_ID must be digits only: the Phone number ID, not the phone number.',
  'bad-url': 'GRAPH_API_BASE must be an address such as https://graph.facebook.com/v23.0.',
  'bad-database-url':
    'DATABASE_URL must be a PostgreSQL address such as postgres://amana:password@db.example.com:5432/amana (leave it out to use SQLite).',
  'http-not-local':
    'GRAPH_API_BASE may use http:// only for a server on this machine (127.0.0.1 or localhost); use https://.',
  'admin-token-short': 'ADMIN_TOKEN must be at least 24 characters. Create one with: node server.js keygen',
  'has-whitespace': '{name} contains spaces or line breaks; copy it again without them.',
  'bad-offset': 'AMANA_NOW_OFFSET_DAYS must be a number of days.',
  'env-file-lines': '{file}: line(s) {lines} are not NAME=value.',
  'env-file-unreadable': 'Cannot read {file} ({reason}).',
  'unknown-setting': 'Warning: {name} is not a setting the bot knows (a typo?). It is ignored.',
  'wrong-key':
    'AMANA_DATA_KEY is not the key the database {db} was created with. Start with the original key: without it, nothing in the database can be read.',
  'db-unopenable': 'Cannot open the database {db}: {reason}',
  'flow-missing': 'Cannot read {file}. Keep flow.json and manifest.json beside server.js, as Amana exported them.',
  'flow-invalid': 'flow.json is not a valid Amana flow:',
  'flow-changed':
    'flow.json has changed since it was exported: its hash does not match manifest.json. Export the flow again from Amana, which checks it before exporting.',
  'test-clock': 'Warning: AMANA_NOW_OFFSET_DAYS={days} shifts the clock for retention. It exists for tests only.',
  usage:
    'Usage: node server.js <command>\n\nCommands:\n  serve                         answer WhatsApp messages (webhook at /webhook, admin API at /admin/)\n  simulate [--phone <number>]   chat in this terminal, against the same database, without WhatsApp\n  purge                         delete every value past its retention now (serve also does it every hour)\n  erase --phone <number>        erase everything held about one person\n  export-subject --phone <n>    print, as JSON, everything held about one person\n  agent add|list|disable|reset-password   accounts of the agent desk at /desk/ (node server.js agent help)\n  openapi                       print the admin API’s OpenAPI document (also at /admin/openapi.json)\n  stats [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]   conversations per step and day, consent per purpose (no personal data)\n  backup --out <file>           write an encrypted backup of the SQLite database while the bot runs\n  restore --from <file> [--force]   restore a backup (bot stopped); people erased since are erased again\n  save-erasures --out <file>    save the erasure journal (keyed hashes and times), e.g. before pg_restore\n  replay-erasures --from <file> erase again everyone a saved journal names (after a restore)\n  rotate-key [--new-key-file <file>]   re-wrap every person key under a new master key (bot stopped; resumable)\n  keygen                        print a new random key for AMANA_DATA_KEY or ADMIN_TOKEN\n\nSettings come from environment variables or a .env file beside server.js (see .env.example and README.md).',
  'retired-key':
    'This AMANA_DATA_KEY was replaced by rotate-key on {date} and is no longer accepted for {db}. Set AMANA_DATA_KEY to the new key.',
  'rotation-under-way':
    'A key rotation of {db} is under way and unfinished. Run node server.js rotate-key again, with the same old and new keys, to finish it; the bot starts once it is done.',
  'new-key-both': 'Give the new key once: AMANA_DATA_KEY_NEW or --new-key-file, not both.',
  'new-key-file-unreadable': '--new-key-file: cannot read {file} ({reason}).',
  'new-key-missing':
    'rotate-key needs the new master key: set AMANA_DATA_KEY_NEW, or give --new-key-file <file>. Create one with: node server.js keygen',
  'db-in-use': 'The database {db} is in use by another process (is the bot running?). Stop it first.',
  'db-in-use-by':
    'rotate-key must run alone, but the database {db} is in use: {processes} other process(es) have it open{names}, and {claims} claim(s) on work are live. Stop every instance of the bot first (the claims of one stopped abruptly run out within seconds), then run rotate-key again.',
  'db-held-alone':
    'rotate-key is running on the database {db}{names}; nothing else may open it meanwhile. Start again once it has finished.',
  'paused-lock-lost':
    'Paused: this instance lost its database session holding the instance lock (the database restarted, the network was cut, or the session was ended) and is taking it back. Until then it answers no messages; WhatsApp delivers them again later, and the other instances go on.',
  'paused-key-rotation':
    'Paused: rotate-key is running on the database{names}. This instance answers no messages until it has finished; WhatsApp delivers them again later.',
  'paused-key-replaced': 'Stopped: {problem} Then restart this instance; until then it answers no messages.',
  'bad-options': '{command}: {reason}',
  'file-exists': '{file} already exists; nothing was written. Choose another name, or move that file away.',
  'backup-missing-out': 'Name the backup file: node server.js backup --out amana-backup.amana',
  'backup-postgres':
    'backup works on the SQLite file. On PostgreSQL use pg_dump, and save-erasures before any restore: see "Backups" in README.md.',
  'backup-written':
    'Backup written: {file} ({size} bytes, taken {date}), encrypted under a key derived from the master key {key}. Keep it apart from the key: it opens only with that key.',
  'backup-failed': 'The backup failed and nothing was written: {reason}',
  'restore-missing-from': 'Name the backup to restore: node server.js restore --from amana-backup.amana',
  'restore-postgres':
    'restore works on the SQLite file. On PostgreSQL: save-erasures, pg_restore, then replay-erasures: see "Backups" in README.md.',
  'backup-other-key':
    '{file} was made with the master key {backup}, and AMANA_DATA_KEY is the key {key}. Restore it with the key it was made with (a backup taken before a rotate-key needs the old key); nothing was changed.',
  'backup-not-backup': '{file} is not an Amana backup ({detail}); nothing was changed.',
  'backup-newer': '{file} was written by a newer Amana runtime ({detail}); nothing was changed.',
  'backup-damaged': '{file} is damaged or incomplete ({detail}); nothing was changed.',
  'backup-unreadable': 'Cannot read {file} ({reason}); nothing was changed.',
  'restore-exists':
    'The database {db} exists. Restoring replaces it: run again with --force (its erasure journal is kept and replayed on the backup).',
  'restore-journal-unreadable':
    'Cannot read the erasure journal of {db} ({reason}), so the restore stopped and nothing was changed. Move that file away and restore again, then replay a journal saved earlier with replay-erasures.',
  'restore-unopenable': 'The backup {file} does not open as this bot’s database ({reason}); nothing was changed.',
  restored:
    'Restored {db} from {file} (taken {date}). Erased again: {erased} person(s) erased after the backup was taken.',
  'journal-missing-out': 'Name the file: node server.js save-erasures --out erasures.json',
  'journal-missing-from': 'Name the file: node server.js replay-erasures --from erasures.json',
  'journal-saved': 'Erasure journal saved to {file}: {count} erasure(s), as keyed hashes and times only.',
  'journal-unreadable': 'Cannot use {file}: {reason}. Nothing was changed.',
  'journal-replayed': 'Replayed {count} erasure(s): {erased} person(s) erased again.',
  'rotate-same-key': 'The new key is the key in use; create a new one with: node server.js keygen',
  'rotate-other-key':
    'A rotation to another key ({to}) is under way; finish it with that key as the new key (this one is {key}).',
  'rotate-started': 'Rotating the master key {from} → {to}. The bot must stay stopped until this finishes.',
  'rotate-resumed': 'Resuming the rotation of the master key {from} → {to}.',
  'rotate-test-pause':
    'Warning: AMANA_TEST_ROTATE_PAUSE_MS={ms} makes rotate-key wait after each batch. It exists for tests only.',
  'send-rate-unlimited':
    'Warning: AMANA_TEST_UNLIMITED_SEND_RATE=1 lets AMANA_SEND_RATE go above 1,000 messages per second, more than WhatsApp allows one number. It exists for benchmarks only.',
  'rotate-progress': 'Re-wrapped {done} person key(s).',
  'rotate-done':
    'Done: {done} person key(s) re-wrapped under the key {to}. Set AMANA_DATA_KEY to the new key (and remove AMANA_DATA_KEY_NEW) before starting the bot: the old key {from} is refused from now on. Backups taken before now still open only with the old key.',
  'rotate-unreadable':
    'The key of person row {id} does not open under the current master key ({reason}); the rotation stopped. What was re-wrapped so far is kept; nothing was lost.',
  'unknown-command': 'Unknown command "{name}".',
  'missing-phone': 'Name the person’s WhatsApp number: node server.js {command} --phone +5511912345678',
  'bad-phone': '"{phone}" is not a phone number.',
  erased:
    'Erased: the person’s key and every value held about them are gone, and the consent ledger records the erasure.',
  'nothing-held': 'Nothing is held about that number.',
  'recipient-erase-done': '{recipient} was asked to erase its copy and did (HTTP {status}).',
  'recipient-erase-pending':
    '{recipient} was asked to erase its copy but has not answered yet; the running bot (node server.js serve) asks again.',
  'recipient-erase-failed': '{recipient} could not be asked to erase its copy ({detail}). Ask them by other means.',
  purged:
    'Purged: {fields} expired value(s), {conversations} conversation(s), {handoffs} handoff(s), {persons} person(s) with nothing left, {inboxKeys} old duplicate-check key(s), {statuses} old delivery status(es).',
  listening: 'Amana bot "{flow}" is listening on port {port}: webhook at /webhook, admin API at /admin/.',
  'port-in-use':
    'The bot cannot start: port {port} on {host} is already in use (another program, or another copy of this bot, listens there). Stop it, or set PORT to a free port.',
  'listen-failed':
    'The bot cannot start: it cannot listen on port {port} on {host} ({reason}). Check PORT and HOST: a port under 1024 needs extra rights, and HOST must be an address of this machine.',
  'admin-off': 'ADMIN_TOKEN is not set, so the admin API (handoff queue) is off.',
  'admin-off-handoff':
    'Warning: this flow hands conversations to people, but ADMIN_TOKEN is not set, so nobody can release them.',
  'simulate-intro':
    'Chatting with "{flow}" as {phone}, against the database {db}. Type your messages; a number picks a choice. Ctrl+D ends.',
  'simulate-with-human': '(a person has this conversation now; release it with the admin API)',
  'unsupported-message': 'Sorry, I can only read text, button and list choices, locations, images and documents.',
  'stats-heading':
    'Statistics of "{flow}", {from} to {to} (UTC days). Counts from 1 to 4 are shown as "< 5"; a total "≥ n" leaves them out. Nothing here identifies a person.',
  'stats-steps': 'Conversations per step, whole period',
  'stats-purposes': 'Consent per purpose, whole period',
  'stats-day': 'Day {day}',
  'stats-step': 'step',
  'stats-purpose': 'purpose',
  'stats-reached': 'reached',
  'stats-left': 'left there',
  'stats-ended': 'ended',
  'stats-handed-off': 'handed off',
  'stats-opted-out': 'opted out',
  'stats-granted': 'granted',
  'stats-declined': 'declined',
  'stats-rate': 'granted rate',
  'stats-no-conversation': '(no conversation)',
  'stats-all-hidden': allHidden.en,
  'stats-nothing': 'Nothing was counted in these days.',
  'stats-bad-date': 'Dates are written YYYY-MM-DD, such as 2026-03-31 (--from and --to).',
  'stats-bad-range': '--from must not be after --to, and one report covers at most 366 days.',
};

export type RuntimeMessageKey = keyof typeof en;

const runtimeMessages: Catalogue<RuntimeMessageKey> = {
  en,
  'pt-BR': {
    'config-problems':
      'O bot não pode iniciar. Corrija estas configurações (variáveis de ambiente ou o arquivo .env ao lado do server.js):',
    missing: '{name} não está definida. {hint}',
    blank: '{name} está vazia. {hint}',
    'hint-app-secret': 'É a chave secreta do app no Painel de Apps da Meta (Configurações do app → Básico).',
    'hint-verify-token':
      'Escolha uma frase secreta qualquer e digite a mesma nas configurações de webhook do seu app na Meta.',
    'hint-access-token': 'Use um token de acesso de Usuário do Sistema com a permissão whatsapp_business_messaging.',
    'hint-phone-number-id': 'É a Identificação do número de telefone no WhatsApp Manager → Configuração da API.',
    'hint-data-key':
      'Crie uma com: node server.js keygen (e guarde uma cópia em lugar seguro: sem ela os dados não podem ser lidos).',
    'data-key-both': 'Defina AMANA_DATA_KEY ou AMANA_DATA_KEY_FILE, não as duas.',
    'data-key-not-base64': '{name} não é um texto em base64. Crie uma chave com: node server.js keygen',
    'data-key-length': '{name} deve conter exatamente 32 bytes em base64 (44 caracteres); contém {bytes} bytes.',
    'data-key-file-unreadable': 'AMANA_DATA_KEY_FILE: não foi possível ler {file} ({reason}).',
    'env-file-open':
      'Atenção: {file} guarda os segredos do robô e pode ser lido por outros usuários desta máquina. Rode: chmod 600 {file}',
    'data-key-file-open':
      'Atenção: {file} (AMANA_DATA_KEY_FILE) pode ser lido por outros usuários desta máquina. Rode: chmod 600 {file}',
    'not-integer': '{name} deve ser um número inteiro de {min} a {max}; está "{value}".',
    'phone-number-id-digits':
      'WHATSAPP_PHONE_NUMBER_ID deve ter só dígitos: é a Identificação do número de telefone, não o número em si.',
    'bad-url': 'GRAPH_API_BASE deve ser um endereço como https://graph.facebook.com/v23.0.',
    'bad-database-url':
      'DATABASE_URL deve ser um endereço PostgreSQL como postgres://amana:senha@db.exemplo.com.br:5432/amana (deixe sem para usar SQLite).',
    'http-not-local':
      'GRAPH_API_BASE só pode usar http:// para um servidor nesta máquina (127.0.0.1 ou localhost); use https://.',
    'admin-token-short': 'ADMIN_TOKEN deve ter pelo menos 24 caracteres. Crie um com: node server.js keygen',
    'has-whitespace': '{name} contém espaços ou quebras de linha; copie de novo sem eles.',
    'bad-offset': 'AMANA_NOW_OFFSET_DAYS deve ser um número de dias.',
    'env-file-lines': '{file}: a(s) linha(s) {lines} não estão no formato NOME=valor.',
    'env-file-unreadable': 'Não foi possível ler {file} ({reason}).',
    'unknown-setting': 'Atenção: {name} não é uma configuração que o bot conhece (erro de digitação?). Será ignorada.',
    'wrong-key':
      'AMANA_DATA_KEY não é a chave com que o banco de dados {db} foi criado. Inicie com a chave original: sem ela, nada no banco pode ser lido.',
    'db-unopenable': 'Não foi possível abrir o banco de dados {db}: {reason}',
    'flow-missing':
      'Não foi possível ler {file}. Mantenha flow.json e manifest.json ao lado do server.js, como o Amana os exportou.',
    'flow-invalid': 'flow.json não é um fluxo válido do Amana:',
    'flow-changed':
      'flow.json foi alterado depois da exportação: seu hash não confere com o manifest.json. Exporte o fluxo de novo pelo Amana, que o verifica antes de exportar.',
    'test-clock': 'Atenção: AMANA_NOW_OFFSET_DAYS={days} desloca o relógio da retenção. Existe apenas para testes.',
    usage:
      'Uso: node server.js <comando>\n\nComandos:\n  serve                         responde às mensagens do WhatsApp (webhook em /webhook, API de administração em /admin/)\n  simulate [--phone <número>]   conversa neste terminal, com o mesmo banco de dados, sem o WhatsApp\n  purge                         apaga agora todo valor com retenção vencida (o serve também faz isso a cada hora)\n  erase --phone <número>        apaga tudo o que se guarda sobre uma pessoa\n  export-subject --phone <n>    imprime, em JSON, tudo o que se guarda sobre uma pessoa\n  agent add|list|disable|reset-password   contas da central de atendimento em /desk/ (node server.js agent help)\n  openapi                       imprime o documento OpenAPI da API de administração (também em /admin/openapi.json)\n  stats [--from AAAA-MM-DD] [--to AAAA-MM-DD] [--json]   conversas por etapa e dia, consentimento por finalidade (sem dados pessoais)\n  backup --out <arquivo>        grava um backup cifrado do banco SQLite com o robô rodando\n  restore --from <arquivo> [--force]   restaura um backup (robô parado); quem foi apagado depois é apagado de novo\n  save-erasures --out <arquivo> salva o diário de exclusões (hashes com chave e horários), p. ex. antes do pg_restore\n  replay-erasures --from <arquivo>   apaga de novo todos que um diário salvo indica (depois de restaurar)\n  rotate-key [--new-key-file <arquivo>]   reembrulha cada chave de pessoa com uma nova chave mestra (robô parado; pode ser retomado)\n  keygen                        imprime uma nova chave aleatória para AMANA_DATA_KEY ou ADMIN_TOKEN\n\nAs configurações vêm de variáveis de ambiente ou de um arquivo .env ao lado do server.js (veja .env.example e README.md).',
    'retired-key':
      'Esta AMANA_DATA_KEY foi substituída pelo rotate-key em {date} e não é mais aceita para {db}. Defina AMANA_DATA_KEY com a chave nova.',
    'rotation-under-way':
      'Uma troca de chave de {db} está em andamento e não terminou. Rode node server.js rotate-key de novo, com as mesmas chaves antiga e nova, para terminá-la; o robô inicia quando ela acabar.',
    'new-key-both': 'Informe a chave nova uma só vez: AMANA_DATA_KEY_NEW ou --new-key-file, não os dois.',
    'new-key-file-unreadable': '--new-key-file: não foi possível ler {file} ({reason}).',
    'new-key-missing':
      'O rotate-key precisa da nova chave mestra: defina AMANA_DATA_KEY_NEW ou informe --new-key-file <arquivo>. Crie uma com: node server.js keygen',
    'db-in-use': 'O banco de dados {db} está em uso por outro processo (o robô está rodando?). Pare-o antes.',
    'db-in-use-by':
      'O rotate-key precisa rodar sozinho, mas o banco de dados {db} está em uso: {processes} outro(s) processo(s) o têm aberto{names}, e {claims} reserva(s) de trabalho estão ativas. Pare antes todas as instâncias do robô (as reservas de uma parada de repente expiram em segundos) e rode o rotate-key de novo.',
    'db-held-alone':
      'O rotate-key está rodando no banco de dados {db}{names}; nada mais pode abri-lo enquanto isso. Inicie de novo quando ele terminar.',
    'paused-lock-lost':
      'Em pausa: esta instância perdeu a sessão no banco que segura a trava das instâncias (o banco reiniciou, a rede caiu ou a sessão foi encerrada) e está retomando-a. Até lá não responde a nenhuma mensagem; o WhatsApp as entrega de novo mais tarde, e as outras instâncias continuam.',
    'paused-key-rotation':
      'Em pausa: o rotate-key está rodando no banco de dados{names}. Esta instância não responde a nenhuma mensagem até ele terminar; o WhatsApp as entrega de novo mais tarde.',
    'paused-key-replaced':
      'Parada: {problem} Depois reinicie esta instância; até lá ela não responde a nenhuma mensagem.',
    'bad-options': '{command}: {reason}',
    'file-exists': '{file} já existe; nada foi gravado. Escolha outro nome ou mova esse arquivo.',
    'backup-missing-out': 'Informe o arquivo do backup: node server.js backup --out amana-backup.amana',
    'backup-postgres':
      'O backup funciona com o arquivo SQLite. No PostgreSQL use pg_dump, e save-erasures antes de qualquer restauração: veja "Backups" no README.md.',
    'backup-written':
      'Backup gravado: {file} ({size} bytes, feito em {date}), cifrado com uma chave derivada da chave mestra {key}. Guarde-o longe da chave: ele só abre com ela.',
    'backup-failed': 'O backup falhou e nada foi gravado: {reason}',
    'restore-missing-from': 'Informe o backup a restaurar: node server.js restore --from amana-backup.amana',
    'restore-postgres':
      'O restore funciona com o arquivo SQLite. No PostgreSQL: save-erasures, pg_restore e depois replay-erasures: veja "Backups" no README.md.',
    'backup-other-key':
      '{file} foi feito com a chave mestra {backup}, e AMANA_DATA_KEY é a chave {key}. Restaure-o com a chave com que foi feito (um backup anterior a um rotate-key precisa da chave antiga); nada foi alterado.',
    'backup-not-backup': '{file} não é um backup do Amana ({detail}); nada foi alterado.',
    'backup-newer': '{file} foi gravado por uma versão mais nova do Amana ({detail}); nada foi alterado.',
    'backup-damaged': '{file} está danificado ou incompleto ({detail}); nada foi alterado.',
    'backup-unreadable': 'Não foi possível ler {file} ({reason}); nada foi alterado.',
    'restore-exists':
      'O banco de dados {db} existe. Restaurar o substitui: rode de novo com --force (o diário de exclusões dele é guardado e reaplicado ao backup).',
    'restore-journal-unreadable':
      'Não foi possível ler o diário de exclusões de {db} ({reason}), então a restauração parou e nada foi alterado. Mova esse arquivo, restaure de novo e depois reaplique com replay-erasures um diário salvo antes.',
    'restore-unopenable': 'O backup {file} não abre como o banco de dados deste robô ({reason}); nada foi alterado.',
    restored:
      '{db} restaurado de {file} (feito em {date}). Apagadas de novo: {erased} pessoa(s) apagada(s) depois do backup.',
    'journal-missing-out': 'Informe o arquivo: node server.js save-erasures --out erasures.json',
    'journal-missing-from': 'Informe o arquivo: node server.js replay-erasures --from erasures.json',
    'journal-saved': 'Diário de exclusões salvo em {file}: {count} exclusão(ões), só como hashes com chave e horários.',
    'journal-unreadable': 'Não é possível usar {file}: {reason}. Nada foi alterado.',
    'journal-replayed': '{count} exclusão(ões) reaplicada(s): {erased} pessoa(s) apagada(s) de novo.',
    'rotate-same-key': 'A chave nova é a chave em uso; crie uma nova com: node server.js keygen',
    'rotate-other-key':
      'Uma troca para outra chave ({to}) está em andamento; termine-a com aquela chave como chave nova (esta é {key}).',
    'rotate-started': 'Trocando a chave mestra {from} → {to}. O robô deve ficar parado até terminar.',
    'rotate-resumed': 'Retomando a troca da chave mestra {from} → {to}.',
    'rotate-test-pause':
      'Atenção: AMANA_TEST_ROTATE_PAUSE_MS={ms} faz o rotate-key esperar depois de cada lote. Existe só para testes.',
    'send-rate-unlimited':
      'Atenção: AMANA_TEST_UNLIMITED_SEND_RATE=1 deixa o AMANA_SEND_RATE passar de 1.000 mensagens por segundo, mais do que o WhatsApp permite a um número. Existe só para benchmarks.',
    'rotate-progress': '{done} chave(s) de pessoa reembrulhada(s).',
    'rotate-done':
      'Pronto: {done} chave(s) de pessoa reembrulhada(s) com a chave {to}. Defina AMANA_DATA_KEY com a chave nova (e remova AMANA_DATA_KEY_NEW) antes de iniciar o robô: a chave antiga {from} é recusada a partir de agora. Backups feitos antes disto só abrem com a chave antiga.',
    'rotate-unreadable':
      'A chave da pessoa na linha {id} não abre com a chave mestra atual ({reason}); a troca parou. O que já foi reembrulhado fica; nada se perdeu.',
    'unknown-command': 'Comando desconhecido "{name}".',
    'missing-phone': 'Informe o número de WhatsApp da pessoa: node server.js {command} --phone +5511912345678',
    'bad-phone': '"{phone}" não é um número de telefone.',
    erased:
      'Apagado: a chave da pessoa e todos os valores guardados sobre ela não existem mais, e o registro de consentimentos anota a exclusão.',
    'nothing-held': 'Nada é guardado sobre esse número.',
    'recipient-erase-done': '{recipient} foi chamado a apagar a cópia dele e apagou (HTTP {status}).',
    'recipient-erase-pending':
      '{recipient} foi chamado a apagar a cópia dele, mas ainda não respondeu; o robô em execução (node server.js serve) pede de novo.',
    'recipient-erase-failed':
      'Não foi possível pedir a {recipient} que apague a cópia dele ({detail}). Peça por outro meio.',
    purged:
      'Limpeza: {fields} valor(es) vencido(s), {conversations} conversa(s), {handoffs} transferência(s), {persons} pessoa(s) sem mais nada guardado, {inboxKeys} chave(s) antigas de duplicidade, {statuses} status de entrega antigo(s).',
    listening: 'Bot Amana "{flow}" escutando na porta {port}: webhook em /webhook, API de administração em /admin/.',
    'port-in-use':
      'O bot não pode iniciar: a porta {port} em {host} já está em uso (outro programa, ou outra cópia deste bot, escuta nela). Pare-o, ou defina PORT com uma porta livre.',
    'listen-failed':
      'O bot não pode iniciar: não consegue escutar na porta {port} em {host} ({reason}). Confira PORT e HOST: uma porta abaixo de 1024 exige permissões extras, e HOST deve ser um endereço desta máquina.',
    'admin-off': 'ADMIN_TOKEN não está definida, então a API de administração (fila de atendimento) está desligada.',
    'admin-off-handoff':
      'Atenção: este fluxo transfere conversas para pessoas, mas ADMIN_TOKEN não está definida, então ninguém poderá devolvê-las ao bot.',
    'simulate-intro':
      'Conversando com "{flow}" como {phone}, no banco de dados {db}. Digite suas mensagens; um número escolhe uma opção. Ctrl+D encerra.',
    'simulate-with-human': '(uma pessoa está com esta conversa agora; devolva-a pela API de administração)',
    'unsupported-message':
      'Desculpe, só consigo ler texto, escolhas de botões e listas, localizações, imagens e documentos.',
    'stats-heading':
      'Estatísticas de "{flow}", de {from} a {to} (dias em UTC). Contagens de 1 a 4 aparecem como "< 5"; um total "≥ n" as deixa de fora. Nada aqui identifica uma pessoa.',
    'stats-steps': 'Conversas por etapa, período inteiro',
    'stats-purposes': 'Consentimento por finalidade, período inteiro',
    'stats-day': 'Dia {day}',
    'stats-step': 'etapa',
    'stats-purpose': 'finalidade',
    'stats-reached': 'chegaram',
    'stats-left': 'pararam aqui',
    'stats-ended': 'terminaram',
    'stats-handed-off': 'passadas a pessoa',
    'stats-opted-out': 'pediram para parar',
    'stats-granted': 'aceitaram',
    'stats-declined': 'recusaram',
    'stats-rate': 'taxa de aceite',
    'stats-no-conversation': '(sem conversa)',
    'stats-all-hidden': allHidden['pt-BR'],
    'stats-nothing': 'Nada foi contado nesses dias.',
    'stats-bad-date': 'As datas se escrevem AAAA-MM-DD, como 2026-03-31 (--from e --to).',
    'stats-bad-range': '--from não pode ser depois de --to, e um relatório cobre no máximo 366 dias.',
  },
  ar: {
    'config-problems': 'لا يمكن تشغيل البوت. صحّح هذه الإعدادات (متغيرات البيئة، أو ملف ‎.env بجوار server.js):',
    missing: 'لم يُضبط {name}. {hint}',
    blank: '{name} فارغ. {hint}',
    'hint-app-secret': 'إنه المفتاح السري للتطبيق في لوحة تطبيقات Meta (إعدادات التطبيق ← أساسي).',
    'hint-verify-token': 'اختر أي عبارة سرية واكتب العبارة نفسها في إعدادات الويب هوك لتطبيقك في Meta.',
    'hint-access-token': 'استخدم رمز وصول لمستخدم النظام يملك الإذن whatsapp_business_messaging.',
    'hint-phone-number-id': 'إنه معرّف رقم الهاتف في WhatsApp Manager ← إعداد واجهة البرمجة.',
    'hint-data-key':
      'أنشئ مفتاحًا بالأمر: node server.js keygen (واحتفظ بنسخة في مكان آمن: بدونه لا يمكن قراءة البيانات).',
    'data-key-both': 'اضبط AMANA_DATA_KEY أو AMANA_DATA_KEY_FILE، لا كليهما.',
    'data-key-not-base64': '{name} ليس نصًا بترميز base64. أنشئ مفتاحًا بالأمر: node server.js keygen',
    'data-key-length': 'يجب أن يحوي {name} ‏32 بايتًا بالضبط بترميز base64 ‏(44 حرفًا)؛ وهو يحوي {bytes} بايت.',
    'data-key-file-unreadable': 'AMANA_DATA_KEY_FILE: تعذرت قراءة {file} ‏({reason}).',
    'env-file-open':
      'تحذير: يحتوي {file} على أسرار المساعد ويستطيع مستخدمون آخرون على هذا الجهاز قراءته. نفّذ: chmod 600 {file}',
    'data-key-file-open':
      'تحذير: يستطيع مستخدمون آخرون على هذا الجهاز قراءة {file} ‏(AMANA_DATA_KEY_FILE). نفّذ: chmod 600 {file}',
    'not-integer': 'يجب أن يكون {name} عددًا صحيحًا من {min} إلى {max}؛ قيمته "{value}".',
    'phone-number-id-digits':
      'يجب أن يتكوّن WHATSAPP_PHONE_NUMBER_ID من أرقام فقط: إنه معرّف رقم الهاتف، لا رقم الهاتف نفسه.',
    'bad-url': 'يجب أن يكون GRAPH_API_BASE عنوانًا مثل https://graph.facebook.com/v23.0.',
    'bad-database-url':
      'يجب أن يكون DATABASE_URL عنوان PostgreSQL مثل postgres://amana:password@db.example.com:5432/amana (اتركه فارغًا لاستخدام SQLite).',
    'http-not-local':
      'لا يجوز أن يستخدم GRAPH_API_BASE البروتوكول http://‎ إلا لخادم على هذا الجهاز (127.0.0.1 أو localhost)؛ استخدم https://‎.',
    'admin-token-short': 'يجب ألا يقل ADMIN_TOKEN عن 24 حرفًا. أنشئه بالأمر: node server.js keygen',
    'has-whitespace': 'يحتوي {name} على مسافات أو فواصل أسطر؛ انسخه مجددًا بدونها.',
    'bad-offset': 'يجب أن يكون AMANA_NOW_OFFSET_DAYS عددًا من الأيام.',
    'env-file-lines': '{file}: السطر أو الأسطر {lines} ليست بالصيغة NAME=value.',
    'env-file-unreadable': 'تعذرت قراءة {file} ‏({reason}).',
    'unknown-setting': 'تحذير: {name} ليس إعدادًا يعرفه البوت (خطأ إملائي؟). سيُتجاهل.',
    'wrong-key':
      'AMANA_DATA_KEY ليس المفتاح الذي أُنشئت به قاعدة البيانات {db}. شغّل البوت بالمفتاح الأصلي: بدونه لا يمكن قراءة أي شيء في قاعدة البيانات.',
    'db-unopenable': 'تعذر فتح قاعدة البيانات {db}: {reason}',
    'flow-missing': 'تعذرت قراءة {file}. أبقِ flow.json وmanifest.json بجوار server.js كما صدّرهما أمانة.',
    'flow-invalid': 'flow.json ليس مسارًا صالحًا من أمانة:',
    'flow-changed':
      'تغيّر flow.json بعد التصدير: بصمته لا تطابق manifest.json. صدّر المسار من جديد من أمانة، فهو يفحصه قبل التصدير.',
    'test-clock': 'تحذير: AMANA_NOW_OFFSET_DAYS={days} يزيح ساعة الاحتفاظ بالبيانات. وُجد للاختبارات فقط.',
    usage:
      'الاستخدام: node server.js <أمر>\n\nالأوامر:\n  serve                         الرد على رسائل واتساب (الويب هوك على ‎/webhook، وواجهة الإدارة على ‎/admin/)\n  simulate [--phone <رقم>]      محادثة في هذه الطرفية، على قاعدة البيانات نفسها، دون واتساب\n  purge                         حذف كل قيمة انتهت مدة الاحتفاظ بها الآن (ويفعل serve ذلك كل ساعة)\n  erase --phone <رقم>           محو كل ما يُحتفظ به عن شخص\n  export-subject --phone <رقم>  طباعة كل ما يُحتفظ به عن شخص بصيغة JSON\n  agent add|list|disable|reset-password   حسابات مكتب الموظفين على ‎/desk/ (node server.js agent help)\n  openapi                       طباعة وثيقة OpenAPI لواجهة الإدارة (وهي أيضًا على ‎/admin/openapi.json)\n  stats [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]   المحادثات لكل خطوة ويوم، والموافقة لكل غرض (دون بيانات شخصية)\n  backup --out <ملف>            كتابة نسخة احتياطية مشفّرة من قاعدة SQLite والبوت يعمل\n  restore --from <ملف> [--force]   استعادة نسخة احتياطية (البوت متوقف)؛ من مُحي بعدها يُمحى من جديد\n  save-erasures --out <ملف>     حفظ سجل المحو (قيم تجزئة بمفتاح وأوقات)، مثلًا قبل pg_restore\n  replay-erasures --from <ملف>  محو كل من يذكره سجل محفوظ من جديد (بعد الاستعادة)\n  rotate-key [--new-key-file <ملف>]   إعادة تغليف كل مفاتيح الأشخاص بمفتاح رئيسي جديد (البوت متوقف؛ قابل للاستئناف)\n  keygen                        طباعة مفتاح عشوائي جديد لـ AMANA_DATA_KEY أو ADMIN_TOKEN\n\nتأتي الإعدادات من متغيرات البيئة أو من ملف ‎.env بجوار server.js (انظر ‎.env.example وREADME.md).',
    'retired-key':
      'استُبدل مفتاح AMANA_DATA_KEY هذا بالأمر rotate-key في {date} ولم يعد مقبولًا لقاعدة البيانات {db}. اضبط AMANA_DATA_KEY على المفتاح الجديد.',
    'rotation-under-way':
      'تبديل مفتاح {db} جارٍ ولم يكتمل. شغّل node server.js rotate-key مرة أخرى بالمفتاحين القديم والجديد نفسيهما لإكماله؛ يبدأ البوت بعد اكتماله.',
    'new-key-both': 'أعطِ المفتاح الجديد مرة واحدة: AMANA_DATA_KEY_NEW أو --new-key-file، لا كليهما.',
    'new-key-file-unreadable': '--new-key-file: تعذّرت قراءة {file} ({reason}).',
    'new-key-missing':
      'يحتاج rotate-key إلى المفتاح الرئيسي الجديد: اضبط AMANA_DATA_KEY_NEW أو أعطِ --new-key-file <ملف>. أنشئ واحدًا بالأمر: node server.js keygen',
    'db-in-use': 'قاعدة البيانات {db} مستخدمة من عملية أخرى (هل البوت يعمل؟). أوقفه أولًا.',
    'db-in-use-by':
      'يجب أن يعمل rotate-key وحده، لكن قاعدة البيانات {db} مستخدمة: {processes} عملية أخرى تفتحها{names}، و{claims} حجز عمل ما زال ساريًا. أوقف كل نسخ البوت أولًا (حجوزات نسخة توقفت فجأة تنتهي خلال ثوانٍ)، ثم شغّل rotate-key مرة أخرى.',
    'db-held-alone':
      'يعمل rotate-key الآن على قاعدة البيانات {db}{names}؛ لا يجوز لغيره فتحها في أثناء ذلك. ابدأ من جديد بعد أن ينتهي.',
    'paused-lock-lost':
      'متوقفة مؤقتًا: فقدت هذه النسخة جلستها في قاعدة البيانات التي تمسك قفل النسخ (أُعيد تشغيل قاعدة البيانات، أو انقطعت الشبكة، أو أُنهيت الجلسة)، وهي تستعيده الآن. وحتى ذلك الحين لا تجيب عن أي رسالة؛ يعيد واتساب تسليمها لاحقًا، وتواصل النسخ الأخرى عملها.',
    'paused-key-rotation':
      'متوقفة مؤقتًا: يعمل rotate-key الآن على قاعدة البيانات{names}. لا تجيب هذه النسخة عن أي رسالة حتى ينتهي؛ يعيد واتساب تسليمها لاحقًا.',
    'paused-key-replaced': 'متوقفة: {problem} ثم أعد تشغيل هذه النسخة؛ وحتى ذلك الحين لا تجيب عن أي رسالة.',
    'bad-options': '{command}: {reason}',
    'file-exists': '{file} موجود من قبل؛ لم يُكتب شيء. اختر اسمًا آخر أو انقل ذلك الملف.',
    'backup-missing-out': 'سمِّ ملف النسخة الاحتياطية: node server.js backup --out amana-backup.amana',
    'backup-postgres':
      'يعمل backup على ملف SQLite. على PostgreSQL استخدم pg_dump، وsave-erasures قبل أي استعادة: انظر «النسخ الاحتياطية» في README.md.',
    'backup-written':
      'كُتبت النسخة الاحتياطية: {file} ({size} بايت، أُخذت في {date})، مشفّرة بمفتاح مشتق من المفتاح الرئيسي {key}. احفظها بعيدًا عن المفتاح: لا تُفتح إلا به.',
    'backup-failed': 'فشل النسخ الاحتياطي ولم يُكتب شيء: {reason}',
    'restore-missing-from': 'سمِّ النسخة الاحتياطية المراد استعادتها: node server.js restore --from amana-backup.amana',
    'restore-postgres':
      'يعمل restore على ملف SQLite. على PostgreSQL: save-erasures ثم pg_restore ثم replay-erasures: انظر «النسخ الاحتياطية» في README.md.',
    'backup-other-key':
      'أُنشئ {file} بالمفتاح الرئيسي {backup}، وAMANA_DATA_KEY هو المفتاح {key}. استعده بالمفتاح الذي أُنشئ به (النسخة السابقة لأمر rotate-key تحتاج المفتاح القديم)؛ لم يتغيّر شيء.',
    'backup-not-backup': '{file} ليس نسخة احتياطية من Amana ({detail})؛ لم يتغيّر شيء.',
    'backup-newer': 'كتب {file} إصدارٌ أحدث من Amana ({detail})؛ لم يتغيّر شيء.',
    'backup-damaged': '{file} تالف أو ناقص ({detail})؛ لم يتغيّر شيء.',
    'backup-unreadable': 'تعذّرت قراءة {file} ({reason})؛ لم يتغيّر شيء.',
    'restore-exists':
      'قاعدة البيانات {db} موجودة. الاستعادة تستبدلها: شغّل الأمر مرة أخرى مع --force (يُحفظ سجل المحو فيها ويُعاد تطبيقه على النسخة).',
    'restore-journal-unreadable':
      'تعذّرت قراءة سجل المحو في {db} ({reason})، فتوقفت الاستعادة ولم يتغيّر شيء. انقل ذلك الملف واستعد مرة أخرى، ثم أعد تطبيق سجل محفوظ من قبل بالأمر replay-erasures.',
    'restore-unopenable': 'النسخة {file} لا تُفتح كقاعدة بيانات هذا البوت ({reason})؛ لم يتغيّر شيء.',
    restored: 'استُعيدت {db} من {file} (أُخذت في {date}). مُحي من جديد: {erased} شخص/أشخاص مُحوا بعد أخذ النسخة.',
    'journal-missing-out': 'سمِّ الملف: node server.js save-erasures --out erasures.json',
    'journal-missing-from': 'سمِّ الملف: node server.js replay-erasures --from erasures.json',
    'journal-saved': 'حُفظ سجل المحو في {file}: {count} عملية محو، كقيم تجزئة بمفتاح وأوقات فقط.',
    'journal-unreadable': 'لا يمكن استخدام {file}: {reason}. لم يتغيّر شيء.',
    'journal-replayed': 'أُعيد تطبيق {count} عملية محو: مُحي من جديد {erased} شخص/أشخاص.',
    'rotate-same-key': 'المفتاح الجديد هو المفتاح المستخدم؛ أنشئ مفتاحًا جديدًا بالأمر: node server.js keygen',
    'rotate-other-key': 'تبديلٌ إلى مفتاح آخر ({to}) جارٍ؛ أكمله بذلك المفتاح مفتاحًا جديدًا (هذا المفتاح {key}).',
    'rotate-started': 'تبديل المفتاح الرئيسي {from} ← {to}. يجب أن يبقى البوت متوقفًا حتى ينتهي.',
    'rotate-resumed': 'استئناف تبديل المفتاح الرئيسي {from} ← {to}.',
    'rotate-test-pause':
      'تحذير: AMANA_TEST_ROTATE_PAUSE_MS={ms} يجعل rotate-key ينتظر بعد كل دفعة. وهو موجود للاختبارات فقط.',
    'send-rate-unlimited':
      'تحذير: AMANA_TEST_UNLIMITED_SEND_RATE=1 يسمح لـ AMANA_SEND_RATE بتجاوز 1000 رسالة في الثانية، أي أكثر مما يسمح به واتساب لرقم واحد. وهو موجود لقياس الأداء فقط.',
    'rotate-progress': 'أُعيد تغليف {done} مفتاح/مفاتيح أشخاص.',
    'rotate-done':
      'تم: أُعيد تغليف {done} مفتاح/مفاتيح أشخاص بالمفتاح {to}. اضبط AMANA_DATA_KEY على المفتاح الجديد (واحذف AMANA_DATA_KEY_NEW) قبل تشغيل البوت: المفتاح القديم {from} مرفوض من الآن. النسخ الاحتياطية المأخوذة قبل الآن لا تُفتح إلا بالمفتاح القديم.',
    'rotate-unreadable':
      'مفتاح الشخص في الصف {id} لا يُفتح بالمفتاح الرئيسي الحالي ({reason})؛ توقف التبديل. ما أُعيد تغليفه يبقى؛ لم يضِع شيء.',
    'unknown-command': 'أمر غير معروف "{name}".',
    'missing-phone': 'حدّد رقم واتساب الشخص: node server.js {command} --phone +9665xxxxxxxx',
    'bad-phone': '"{phone}" ليس رقم هاتف.',
    erased: 'تم المحو: زال مفتاح الشخص وكل القيم المحفوظة عنه، وسجلّ الموافقات يدوّن عملية المحو.',
    'nothing-held': 'لا يُحتفظ بأي شيء عن هذا الرقم.',
    'recipient-erase-done': 'طُلب من {recipient} حذف نسختها وقد حذفتها (HTTP {status}).',
    'recipient-erase-pending':
      'طُلب من {recipient} حذف نسختها لكنها لم ترد بعد؛ وسيطلب المساعد العامل (node server.js serve) ذلك مرة أخرى.',
    'recipient-erase-failed': 'تعذّر الطلب من {recipient} حذف نسختها ({detail}). اطلب ذلك بوسيلة أخرى.',
    purged:
      'التنظيف: {fields} قيمة منتهية، {conversations} محادثة، {handoffs} تحويل، {persons} شخص لم يبقَ عنه شيء، {inboxKeys} مفتاح قديم لكشف التكرار، {statuses} حالة تسليم قديمة.',
    listening: 'بوت أمانة "{flow}" يستمع على المنفذ {port}: الويب هوك على ‎/webhook، وواجهة الإدارة على ‎/admin/.',
    'port-in-use':
      'لا يمكن تشغيل البوت: المنفذ {port} على {host} مستخدم بالفعل (يستمع عليه برنامج آخر، أو نسخة أخرى من هذا البوت). أوقفه، أو اضبط PORT على منفذ حر.',
    'listen-failed':
      'لا يمكن تشغيل البوت: لا يستطيع الاستماع على المنفذ {port} على {host} ({reason}). راجع PORT وHOST: المنفذ الأقل من 1024 يحتاج إلى صلاحيات إضافية، ويجب أن يكون HOST عنوانًا لهذا الجهاز.',
    'admin-off': 'لم يُضبط ADMIN_TOKEN، لذا فواجهة الإدارة (طابور التحويل) متوقفة.',
    'admin-off-handoff':
      'تحذير: هذا المسار يحوّل المحادثات إلى موظفين، لكن ADMIN_TOKEN غير مضبوط، فلن يستطيع أحد إعادتها إلى البوت.',
    'simulate-intro':
      'محادثة مع "{flow}" بصفتك {phone}، على قاعدة البيانات {db}. اكتب رسائلك؛ الرقم يختار أحد الخيارات. Ctrl+D ينهي.',
    'simulate-with-human': '(موظف يتولى هذه المحادثة الآن؛ أعِدها عبر واجهة الإدارة)',
    'unsupported-message': 'عذرًا، أستطيع قراءة النصوص واختيارات الأزرار والقوائم والمواقع والصور والمستندات فقط.',
    'stats-heading':
      'إحصاءات "{flow}" من {from} إلى {to} (أيام بالتوقيت العالمي). الأعداد من 1 إلى 4 تظهر "< 5"؛ والمجموع "≥ n" لا يشملها. لا شيء هنا يحدد هوية شخص.',
    'stats-steps': 'المحادثات لكل خطوة، طوال المدة',
    'stats-purposes': 'الموافقة لكل غرض، طوال المدة',
    'stats-day': 'يوم {day}',
    'stats-step': 'الخطوة',
    'stats-purpose': 'الغرض',
    'stats-reached': 'وصلت',
    'stats-left': 'توقفت هنا',
    'stats-ended': 'انتهت',
    'stats-handed-off': 'حُوّلت إلى موظف',
    'stats-opted-out': 'طلبت الإيقاف',
    'stats-granted': 'وافق',
    'stats-declined': 'رفض',
    'stats-rate': 'نسبة الموافقة',
    'stats-no-conversation': '(بلا محادثة)',
    'stats-all-hidden': allHidden.ar,
    'stats-nothing': 'لم يُحسب شيء في هذه الأيام.',
    'stats-bad-date': 'تُكتب التواريخ بالشكل YYYY-MM-DD، مثل 2026-03-31 (‎--from و‎--to).',
    'stats-bad-range': 'يجب ألا يكون ‎--from بعد ‎--to، ويغطي التقرير 366 يومًا على الأكثر.',
  },
};

export const runtimeText = translator(runtimeMessages);

/** The operator's language: AMANA_LANG, else LANG, else English. */
export function operatorLanguage(env: Record<string, string | undefined>): UiLanguage {
  return closestUiLanguage(env['AMANA_LANG'] ?? env['LANG']);
}
