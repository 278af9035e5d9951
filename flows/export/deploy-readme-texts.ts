import { translator, type Catalogue } from '../i18n/index.ts';

// The texts of the bundle's README.md and .env.example in English, Portuguese and Arabic, apart from the builder (deploy-readme.ts)
// that puts them together, so a translator edits one file and a programmer the other.

const en = {
  title: '{flow} — WhatsApp bot',
  intro:
    'Exported by Amana {version} on {date}. The bot answers your customers on WhatsApp exactly as the flow was designed and checked in Amana, on your own server, keeping personal data encrypted.',
  files: 'Files',
  'file-server': 'the bot (one file; it depends on better-sqlite3, and on postgres when run on PostgreSQL)',
  'file-flow': 'the flow, as checked; the bot refuses to start if it is edited (export again instead)',
  'file-manifest': 'what was exported, when, with which checker result, and the files’ SHA-256',
  'file-notices': 'what to tell customers, one per flow language (link it from your site and the flow’s first message)',
  'file-records': 'your record of processing (GDPR art. 30 / LGPD art. 37)',
  'file-env': 'every setting, to copy to .env',
  'h-requirements': '1. What you need',
  requirements:
    '- Node.js 20.19 or newer, and the tools to compile better-sqlite3 if no prebuilt binary fits your system (`python3`, `make`, a C++ compiler).\n- An HTTPS address for the bot: Meta only calls webhooks over HTTPS. Put the bot behind a reverse proxy (Caddy, nginx) that holds the certificate.\n- A Meta app with the WhatsApp product, a business phone number, and a System User access token with the `whatsapp_business_messaging` permission.',
  'h-install': '2. Install and configure',
  'install-keys':
    '`keygen` prints a random key: use one for AMANA_DATA_KEY and another for ADMIN_TOKEN. **Keep a copy of AMANA_DATA_KEY somewhere safe and apart from the database**: without it nothing stored can be read, and anyone with both can read everything.',
  'install-env':
    'Fill in `.env` (the settings are listed at the end of this file). The bot checks every setting when it starts and says exactly what is missing or wrong.',
  'h-meta': '3. Connect WhatsApp',
  meta: 'In the Meta App Dashboard, WhatsApp → Configuration: set the callback URL to `https://<your-domain>/webhook` and the verify token to your WHATSAPP_VERIFY_TOKEN, then subscribe to the `messages` field. Meta checks the address at once, so start the bot first.',
  'h-run': '4. Run',
  run: 'The bot logs one JSON line per event on standard output; logs never contain customers’ data. It stops cleanly on SIGTERM. To keep it running, a systemd unit like this works:',
  'h-simulate': '5. Try it without WhatsApp',
  simulate:
    'Chats in the terminal through the same inbox, engine and encrypted database (http nodes answer with their mock responses). Use a separate AMANA_DB to keep test conversations out of production.',
  'h-agents': '6. Handing conversations to people',
  agents:
    'When the flow hands a conversation to a person, the bot goes silent and the conversation waits in the admin API (with ADMIN_TOKEN set). An agent lists the waiting conversations, reads what was shared, replies, and releases it back to the bot:',
  'agents-again':
    'A reply can be sent again safely: give each reply its own `Idempotency-Key` header (1 to 255 visible ASCII characters, such as a UUID, quoted or not). The same key with the same text is answered 202 `{"queued": true, "again": true}` and nothing more is sent, also when the first answer was lost on the way; the same key with another text is refused with 422 and nothing is sent. The key is kept sealed with the reply and erased with the customer’s data. `GET /admin/openapi.json` describes the whole API.',
  'agents-forward':
    'If a recipient has the same id as a handoff queue and a `url`, each handoff (and each customer message while a person has the chat) is also POSTed there as JSON, signed with HANDOFF_FORWARD_SECRET when set (`X-Amana-Signature-256: sha256=<HMAC-SHA256 of the body>`).',
  'h-privacy': '7. Privacy operations',
  privacy:
    'Expired values are deleted every hour (and at start); `purge` does it now. `erase` is the right to erasure: it deletes the person’s key and every row about them and empties the write-ahead log, and records the erasure in the erasure journal (the keyed hash of the number and the time, nothing else), so restoring an older backup erases them again. `export-subject` prints, as JSON, everything held about a person, for access and portability requests. Customers can also erase their data themselves with the flow’s erase keyword. In the middle of a conversation, erasure (the keyword, or an Erase data step with no connection after it) ends the conversation after the confirmation: the customer’s next message starts a new one from Start, as for a new person, and a step that would read an erased value is never sent with a hole (the log shows `refused` with the step and the key names, never values).',
  'consent-versions':
    '**Consent follows the notice**: each consent answer is recorded in the consent ledger with the flow version (the SHA-256 of flow.json, as in manifest.json) and, per purpose, a hash of its wording: its label and description in every language, and which data rely on it. When a new export rewords a purpose, or changes which data rely on it, earlier consents to that purpose stop counting: a returning customer is told the privacy notice changed, with the link of the full privacy notice (or, without one, the controller’s contact), and the consent step asks again; what needed that consent is not used until they answer. Purposes that read the same are not asked again. Amana’s Export dialog names the purposes that will be asked again: publish the new privacy notice before you deploy. Answers recorded by a bot exported before this feature carry no wording and are not carried over: those customers are asked as before.',
  'recipient-erasure':
    '**Erasure at recipients**: when a person is erased (erase keyword, Erase data step, `erase`, the agent desk), the bot also asks {recipients} to erase what they received, by calling each one’s erase route with the reference it returned when the data was sent (such as a lead id). While the person is known, those references are sealed under the person’s own key, so they go with everything else when the person is erased or forgotten. At the erasure, each call is sealed again under a key of its own derived from AMANA_DATA_KEY (the person’s key is being deleted) and queued in the same transaction; it is deleted as soon as the recipient answers (2xx, or 404/410: nothing left there) or the bot gives up (another 4xx at once; 5xx, 429 and network errors after 12 attempts with growing waits, about half an hour). Only in that window does the reference exist outside the person’s key (a backup taken then holds it, readable with AMANA_DATA_KEY). The recipients’ erasure ledger keeps the keyed phone hash, the recipient, requested/done/failed, the HTTP status and the time — never the reference; it is append-only. `export-subject` prints it as `recipientErasures`, and `erase` prints each recipient’s answer. An erase route whose headers read `{{secret.NAME}}` sends the AMANA_SECRET_NAME setting listed below; a call made while it is not set (an `erase` run without it) fails at once, naming the setting. Ask a recipient that failed by other means.',
  backups:
    'While the bot runs, `backup` writes a consistent copy of the SQLite database (SQLite’s online backup API), encrypted with AES-256-GCM under a key derived from AMANA_DATA_KEY: it opens only with that key, and its header names the key it needs. Keep backups and the key apart.',
  'h-backups': 'Backups',
  'backups-restore':
    '`restore` refuses to replace a database in use (stop the bot first) and asks for `--force` before replacing one. Every erasure (the keyword, an Erase data step, `erase`, the agent desk) is written to an erasure journal that holds only the keyed hash of the number and the time. Before the backup takes the database’s place, `restore` replays that journal on it: anyone erased after the backup was taken is erased again (key and rows deleted), while someone who wrote again after their erasure keeps their new conversation. A damaged, cut or altered file, or the wrong key, is refused and nothing changes.',
  'backups-postgres':
    'On PostgreSQL, back up with `pg_dump` (or your provider’s snapshots). To restore, stop every instance, save the current erasure journal, restore, and replay the journal:',
  'backups-postgres-note':
    'Amana does not encrypt pg_dump files: personal values in them are ciphertext under per-person keys, but keep them as carefully as the database. `save-erasures` and `replay-erasures` work on SQLite too, for a copy restored by other means.',
  'h-rotate': 'Changing the master key',
  rotate:
    'To replace AMANA_DATA_KEY (someone who knew it left, or on a schedule), stop the bot (every instance), create a new key, and run `rotate-key` with it in AMANA_DATA_KEY_NEW or in a file given with `--new-key-file`. It refuses, naming them, while any instance or other command has the database open, and nothing opens it while it runs:',
  'rotate-details':
    '`rotate-key` re-wraps every person’s data key under the new key in batches, each committed on its own; when it says it is done, put the new key in AMANA_DATA_KEY (or AMANA_DATA_KEY_FILE) and start the bot. If it is interrupted, run it again with the same two keys and it continues where it stopped (the bot refuses to start until it has finished). Then the database accepts only the new key; the old one is refused at start with a message that says it was replaced. Numbers stay findable: phone hashes, the consent ledger and the erasure journal use hash keys made from the database’s first key, kept sealed under the current key and unchanged by a rotation — so someone holding an old key and a copy of the database could still test whether a given number is in it, but can read no value. Backups taken before the rotation open only with the old key: keep it as long as you keep them, or take a new backup and delete the older ones.',
  'set-key-new':
    'Only for `rotate-key`: the new master key (base64, like AMANA_DATA_KEY). Remove it once the rotation has finished.',
  'h-scale': '8. Several instances on PostgreSQL',
  scale:
    'One instance on SQLite needs no database server. When traffic outgrows one server, run the same folder on N servers (or N processes) against one PostgreSQL database and put a load balancer in front of them: set `DATABASE_URL=postgres://user:password@host:5432/database` in the `.env` of every instance (the same `.env` everywhere: the same AMANA_DATA_KEY, ADMIN_TOKEN and WhatsApp settings), and point Meta’s webhook at the balancer. The first instance to start creates the tables; later versions migrate them once, whichever instance starts first.',
  'scale-work':
    'Every instance may receive any delivery: each message is written once (Meta’s redeliveries are recognised by any instance), processed once, and one person’s messages in order, by one instance at a time. An instance that dies leaves its work to the others after 10 seconds. Replies leave in order per person at most AMANA_SEND_RATE per second for the whole business number, not per instance. The hourly purge runs on one instance at a time.',
  'scale-health':
    'Point the balancer’s health check at `GET /healthz`: 200 with `inboxLagMs` (how long the oldest unprocessed message has waited) while the database answers, 503 when it does not or while the instance is paused (below). Every instance keeps one database session open while it runs, holding a lock that tells `rotate-key` whether it runs alone (one connection more than its pool): a pooler in front of PostgreSQL must pool by session (PgBouncer’s `pool_mode = session`; transaction or statement pooling breaks the lock).',
  'scale-pause':
    '**An instance that loses that session** (the database restarts or fails over, the network is cut, someone ends it with `pg_terminate_backend`) notices at once, or within about 5 seconds when the connection just hangs, and pauses: it takes no messages or replies to send, skips the purge, and answers Meta’s webhook with 503, so WhatsApp delivers those messages again later; `/healthz` answers 503 with `paused` and a `reason` in plain words, so the balancer sends traffic to the other instances. Meanwhile it takes the lock again on a new connection, retrying less and less often up to every 5 seconds, and resumes by itself once it has it: what was waiting and what WhatsApp delivers again is answered once each, and the purge it skipped runs then. In the seconds before it notices, its writes are refused all the same while `rotate-key` holds the lock (each write takes the lock for itself), so nothing is written with a key being replaced. While `rotate-key` runs it cannot take the lock back and stays paused (its log says `"event":"paused","reason":"key-rotation"` with the command’s name in `by`). Once `rotate-key` has replaced the key, the instance stays paused (`"reason":"key-replaced"`): restart it with the new key.',
  'scale-keys':
    '**Keys**: every instance needs the same AMANA_DATA_KEY — deliver it with your secret manager or as AMANA_DATA_KEY_FILE (chmod 600), never store it in the database or beside its backups. The database holds personal data only as ciphertext under per-person keys wrapped by that key.',
  'scale-erasure':
    '**Erasure on PostgreSQL** deletes the person’s key and rows in one transaction. PostgreSQL keeps deleted row versions in its files until VACUUM reuses the space, and backups and WAL archives keep what they copied; what remains there is ciphertext under a key that no longer exists (crypto-shredding), so it cannot be read even with AMANA_DATA_KEY. Let autovacuum run (it is on by default) and expire old backups on a schedule. Back up with `pg_dump` or your provider’s snapshots, and restore with the erasure journal replay shown under Backups, so people erased since the backup are erased again.',
  'set-database-url':
    'Optional: a PostgreSQL address (`postgres://user:password@host:5432/database`, with `?sslmode=require` across a network) for several instances; without it the bot uses SQLite (AMANA_DB).',
  'h-settings': '9. Settings',
  setting: 'Setting',
  meaning: 'Meaning',
  'set-port': 'HTTP port (default 3000); `HOST` picks the interface (default: all).',
  'set-app-secret': 'App secret (Meta App Dashboard → App settings → Basic); verifies every webhook delivery.',
  'set-verify': 'A phrase you choose; the same in Meta’s webhook settings.',
  'set-access': 'System User access token with `whatsapp_business_messaging`.',
  'set-phone-id': 'Phone number ID (WhatsApp Manager → API setup).',
  'set-graph': 'Graph API address with version (default `https://graph.facebook.com/v23.0`).',
  'set-key':
    '32 random bytes in base64 (`node server.js keygen`), or `AMANA_DATA_KEY_FILE` with the path of a file holding it.',
  'set-db': 'SQLite database file (default `./amana.db`; relative paths are read from this folder).',
  'set-admin': 'Bearer token of the admin API (at least 24 characters); without it the admin API is off.',
  'set-rate': 'Messages per second to WhatsApp (default 80, WhatsApp’s default limit per number).',
  'set-forward': 'Optional: signs handoff notifications sent to a recipient’s URL.',
  'set-lang': 'Language of the bot’s own messages to you: en, pt-BR or ar (default from LANG).',
  'set-secret':
    'Required by this flow: the API token {recipients} gave you. The bot sends it only in the request headers that read `{{secret.{name}}}`, to the recipient’s own host, and never writes it to the database or the logs; it does not start without it.',
  'env-header':
    'Settings of the Amana bot “{flow}”. Copy this file to .env (chmod 600) and fill it in; README.md explains each one.',
  'h-stats': '10. Statistics without personal data',
  stats:
    'The bot counts, per step of the flow and per UTC day, how many conversations **reached** the step, were **left there** (their latest message so far left them standing at it, unfinished: those of today and yesterday may still come back, and move out of the cell when they do), **ended** there (an End step, a step with no way on, an erasure), were **handed off** to a person there, or **opted out** there (the stop keyword; “(no conversation)” when none was going on); and per consent purpose how many conversations **granted** or **declined** it. `stats` prints them (30 days up to today unless told; `--json` for machines), each step named as its card reads — its kind and the first words of its text, such as “Question: What is your email?” — and each purpose by its label, in the language of `AMANA_LANG` (else `LANG`) when the flow is written in it; the admin API serves the same JSON at `GET /admin/stats?from=…&to=…`; supervisors see them as charts, with their tables, on the desk’s Statistics page.',
  'stats-never':
    '**What they never contain**: no phone number or hash of one, no person or conversation id, no answer or other value, no time finer than a UTC day — only counters (day, step or purpose, what happened, how many), added to in the same transaction as the conversation’s turn. To count a conversation once, its own state (encrypted under the person’s key, erased with them) remembers what it was counted for. Counts from 1 to 4 are shown as “< 5” (0 as 0); a total over several days adds up only the shown daily counts (marked “≥” when it left some out, and printed “hidden: under 5 on each day” when every one of them was hidden), so no range, nor the difference of two ranges, uncovers a hidden count; a consent rate is given only when both of its counts are shown. Counts are kept when a person is erased: they say nothing about anyone.',
};

export type DeployReadmeKey = keyof typeof en;

const messages: Catalogue<DeployReadmeKey> = {
  en,
  'pt-BR': {
    title: '{flow} — bot de WhatsApp',
    intro:
      'Exportado pelo Amana {version} em {date}. O bot responde aos seus clientes no WhatsApp exatamente como o fluxo foi desenhado e verificado no Amana, no seu próprio servidor, guardando os dados pessoais criptografados.',
    files: 'Arquivos',
    'file-server': 'o bot (um arquivo só; depende do better-sqlite3, e do postgres quando roda no PostgreSQL)',
    'file-flow': 'o fluxo, como foi verificado; o bot não inicia se ele for editado (exporte de novo)',
    'file-manifest': 'o que foi exportado, quando, com qual resultado da verificação, e o SHA-256 dos arquivos',
    'file-notices':
      'o que dizer aos clientes, um por idioma do fluxo (coloque o link no seu site e na primeira mensagem do fluxo)',
    'file-records': 'o seu registro das operações de tratamento (LGPD art. 37 / GDPR art. 30)',
    'file-env': 'todas as configurações, para copiar para o .env',
    'h-requirements': '1. O que é preciso',
    requirements:
      '- Node.js 20.19 ou mais novo, e as ferramentas para compilar o better-sqlite3 caso não haja binário pronto para o seu sistema (`python3`, `make`, um compilador C++).\n- Um endereço HTTPS para o bot: a Meta só chama webhooks por HTTPS. Coloque o bot atrás de um proxy reverso (Caddy, nginx) com o certificado.\n- Um app da Meta com o produto WhatsApp, um número de telefone comercial e um token de acesso de Usuário do Sistema com a permissão `whatsapp_business_messaging`.',
    'h-install': '2. Instalar e configurar',
    'install-keys':
      'O `keygen` imprime uma chave aleatória: use uma para AMANA_DATA_KEY e outra para ADMIN_TOKEN. **Guarde uma cópia da AMANA_DATA_KEY em lugar seguro e separado do banco de dados**: sem ela nada do que foi guardado pode ser lido, e quem tiver as duas coisas lê tudo.',
    'install-env':
      'Preencha o `.env` (as configurações estão listadas no fim deste arquivo). O bot verifica todas as configurações ao iniciar e diz exatamente o que falta ou está errado.',
    'h-meta': '3. Conectar o WhatsApp',
    meta: 'No Painel de Apps da Meta, WhatsApp → Configuração: defina a URL de retorno como `https://<seu-domínio>/webhook` e o token de verificação como o seu WHATSAPP_VERIFY_TOKEN, e assine o campo `messages`. A Meta testa o endereço na hora, então inicie o bot antes.',
    'h-run': '4. Executar',
    run: 'O bot registra uma linha JSON por evento na saída padrão; os logs nunca contêm dados de clientes. Ele para de forma limpa com SIGTERM. Para mantê-lo no ar, uma unidade systemd como esta funciona:',
    'h-simulate': '5. Testar sem o WhatsApp',
    simulate:
      'Conversa no terminal passando pela mesma caixa de entrada, motor e banco criptografado (nós http respondem com as respostas simuladas). Use outro AMANA_DB para manter conversas de teste fora da produção.',
    'h-agents': '6. Transferir conversas para pessoas',
    agents:
      'Quando o fluxo transfere uma conversa para uma pessoa, o bot fica em silêncio e a conversa espera na API de administração (com ADMIN_TOKEN definido). Um atendente lista as conversas em espera, lê o que foi compartilhado, responde e devolve a conversa ao bot:',
    'agents-again':
      'Uma resposta pode ser enviada de novo com segurança: dê a cada resposta o seu próprio cabeçalho `Idempotency-Key` (de 1 a 255 caracteres ASCII visíveis, como um UUID, entre aspas ou não). A mesma chave com o mesmo texto recebe 202 `{"queued": true, "again": true}` e nada mais é enviado, também quando a primeira resposta se perdeu no caminho; a mesma chave com outro texto é recusada com 422 e nada é enviado. A chave fica guardada cifrada com a resposta e é apagada com os dados do cliente. `GET /admin/openapi.json` descreve toda a API.',
    'agents-forward':
      'Se um destinatário tiver o mesmo id de uma fila de atendimento e uma `url`, cada transferência (e cada mensagem do cliente enquanto uma pessoa está com a conversa) também é enviada para lá em JSON, assinada com HANDOFF_FORWARD_SECRET quando definido (`X-Amana-Signature-256: sha256=<HMAC-SHA256 do corpo>`).',
    'h-privacy': '7. Operações de privacidade',
    privacy:
      'Valores vencidos são apagados a cada hora (e ao iniciar); o `purge` faz isso na hora. O `erase` atende ao direito de eliminação: apaga a chave da pessoa e todas as linhas sobre ela e esvazia o log de escrita antecipada, e registra a exclusão no diário de exclusões (só o hash com chave do número e o horário), então restaurar um backup mais antigo a apaga de novo. O `export-subject` imprime, em JSON, tudo o que é guardado sobre uma pessoa, para pedidos de acesso e portabilidade. Os clientes também podem apagar os próprios dados com a palavra-chave de exclusão do fluxo. No meio de uma conversa, a exclusão (pela palavra-chave, ou por uma etapa Apagar dados sem ligação depois dela) encerra a conversa depois da confirmação: a próxima mensagem do cliente começa uma nova a partir do Início, como para uma pessoa nova, e uma etapa que leria um valor apagado nunca é enviada com um buraco (o log mostra `refused` com a etapa e os nomes dos campos, nunca os valores).',
    'consent-versions':
      '**O consentimento acompanha o aviso**: cada resposta de consentimento fica no registro de consentimentos com a versão do fluxo (o SHA-256 do flow.json, como no manifest.json) e, para cada finalidade, um hash do seu texto: o nome e a descrição em todos os idiomas, e quais dados dependem dela. Quando uma nova exportação muda o texto de uma finalidade, ou quais dados dependem dela, os consentimentos anteriores a essa finalidade deixam de valer: o cliente que volta é avisado de que o aviso de privacidade mudou, com o link do aviso completo (ou, sem ele, o contato do controlador), e a etapa de consentimento pergunta de novo; o que dependia desse consentimento não é usado até ele responder. Finalidades com o mesmo texto não são perguntadas de novo. O diálogo Exportar do Amana diz quais finalidades serão perguntadas de novo: publique o novo aviso de privacidade antes de implantar. Respostas registradas por um bot exportado antes deste recurso não têm texto e não são levadas adiante: esses clientes são perguntados como antes.',
    'recipient-erasure':
      '**Exclusão nos destinatários**: quando uma pessoa é apagada (palavra-chave de exclusão, etapa Apagar dados, `erase`, a central de atendimento), o robô também pede a {recipients} que apaguem o que receberam, chamando a rota de exclusão de cada um com a referência que ele devolveu quando os dados foram enviados (como o id de um lead). Enquanto a pessoa é conhecida, essas referências ficam cifradas sob a chave da própria pessoa, então somem com todo o resto quando ela é apagada ou esquecida. Na exclusão, cada chamada é cifrada de novo sob uma chave própria derivada do AMANA_DATA_KEY (a chave da pessoa está sendo eliminada) e enfileirada na mesma transação; ela é apagada assim que o destinatário responde (2xx, ou 404/410: nada mais lá) ou o robô desiste (outro 4xx na hora; 5xx, 429 e erros de rede depois de 12 tentativas com esperas crescentes, cerca de meia hora). Só nessa janela a referência existe fora da chave da pessoa (um backup feito nela a contém, legível com o AMANA_DATA_KEY). O registro de exclusões nos destinatários guarda o hash com chave do telefone, o destinatário, pedido/feito/falhou, o status HTTP e a hora — nunca a referência; só aceita acréscimos. O `export-subject` o imprime como `recipientErasures`, e o `erase` mostra a resposta de cada destinatário. Uma rota de exclusão cujos cabeçalhos leem `{{secret.NOME}}` envia a configuração AMANA_SECRET_NOME listada abaixo; uma chamada feita enquanto ela não está definida (um `erase` rodado sem ela) falha na hora, nomeando a configuração. Peça por outro meio a um destinatário que falhou.',
    backups:
      'Com o robô rodando, o `backup` grava uma cópia consistente do banco SQLite (a API de backup online do SQLite), cifrada com AES-256-GCM sob uma chave derivada da AMANA_DATA_KEY: ela só abre com essa chave, e o cabeçalho diz qual chave é necessária. Guarde backups e chave separados.',
    'h-backups': 'Backups',
    'backups-restore':
      'O `restore` se recusa a substituir um banco em uso (pare o robô antes) e pede `--force` antes de substituir um. Toda exclusão (a palavra-chave, uma etapa Apagar dados, o `erase`, o painel de atendimento) é gravada num diário de exclusões que guarda só o hash com chave do número e o horário. Antes de o backup tomar o lugar do banco, o `restore` reaplica esse diário nele: quem foi apagado depois do backup é apagado de novo (chave e linhas eliminadas), e quem escreveu de novo depois da exclusão mantém a conversa nova. Um arquivo danificado, cortado ou alterado, ou a chave errada, é recusado e nada muda.',
    'backups-postgres':
      'No PostgreSQL, faça backup com `pg_dump` (ou com os snapshots do seu provedor). Para restaurar, pare todas as instâncias, salve o diário de exclusões atual, restaure e reaplique o diário:',
    'backups-postgres-note':
      'O Amana não cifra os arquivos do pg_dump: os valores pessoais neles são texto cifrado sob chaves por pessoa, mas guarde-os com o mesmo cuidado que o banco. O `save-erasures` e o `replay-erasures` também funcionam no SQLite, para uma cópia restaurada por outros meios.',
    'h-rotate': 'Trocar a chave mestra',
    rotate:
      'Para substituir a AMANA_DATA_KEY (alguém que a conhecia saiu, ou periodicamente), pare o robô (todas as instâncias), crie uma chave nova e rode o `rotate-key` com ela na AMANA_DATA_KEY_NEW ou num arquivo informado com `--new-key-file`. Ele se recusa, dizendo quais, enquanto alguma instância ou outro comando tiver o banco de dados aberto, e nada o abre enquanto ele roda:',
    'rotate-details':
      'O `rotate-key` reembrulha a chave de dados de cada pessoa com a chave nova em lotes, cada um gravado por si; quando disser que terminou, ponha a chave nova na AMANA_DATA_KEY (ou AMANA_DATA_KEY_FILE) e inicie o robô. Se for interrompido, rode de novo com as mesmas duas chaves e ele continua de onde parou (o robô não inicia até terminar). Depois o banco só aceita a chave nova; a antiga é recusada ao iniciar, com uma mensagem dizendo que foi substituída. Os números continuam localizáveis: os hashes de telefone, o registro de consentimentos e o diário de exclusões usam chaves de hash feitas a partir da primeira chave do banco, guardadas cifradas sob a chave atual e que a troca não muda — então quem tiver uma chave antiga e uma cópia do banco ainda poderia testar se um certo número está nele, mas não consegue ler nenhum valor. Backups feitos antes da troca só abrem com a chave antiga: guarde-a enquanto guardar esses backups, ou faça um backup novo e apague os antigos.',
    'set-key-new':
      'Só para o `rotate-key`: a nova chave mestra (base64, como a AMANA_DATA_KEY). Remova-a quando a troca terminar.',
    'h-scale': '8. Várias instâncias no PostgreSQL',
    scale:
      'Uma instância com SQLite não precisa de servidor de banco. Quando o tráfego passar de um servidor, rode a mesma pasta em N servidores (ou N processos) com um só banco PostgreSQL e um balanceador de carga na frente: defina `DATABASE_URL=postgres://usuario:senha@host:5432/banco` no `.env` de cada instância (o mesmo `.env` em todas: o mesmo AMANA_DATA_KEY, ADMIN_TOKEN e configurações do WhatsApp) e aponte o webhook da Meta para o balanceador. A primeira instância a iniciar cria as tabelas; versões novas as migram uma única vez, seja qual for a instância que iniciar primeiro.',
    'scale-work':
      'Qualquer instância pode receber qualquer entrega: cada mensagem é gravada uma vez (qualquer instância reconhece as reentregas da Meta), processada uma vez, e as mensagens de uma pessoa em ordem, por uma instância de cada vez. Se uma instância cair, as outras assumem o trabalho dela após 10 segundos. As respostas saem em ordem por pessoa, no máximo AMANA_SEND_RATE por segundo para o número comercial inteiro, não por instância. A limpeza de hora em hora roda em uma instância de cada vez.',
    'scale-health':
      'Aponte a verificação de saúde do balanceador para `GET /healthz`: 200 com `inboxLagMs` (há quanto tempo espera a mensagem não processada mais antiga) enquanto o banco responde, 503 quando não responde ou enquanto a instância está em pausa (abaixo). Cada instância mantém uma sessão aberta no banco enquanto roda, segurando uma trava que diz ao `rotate-key` se ele roda sozinho (uma conexão a mais que o seu pool): um pooler na frente do PostgreSQL deve agrupar por sessão (`pool_mode = session` no PgBouncer; o agrupamento por transação ou por comando quebra a trava).',
    'scale-pause':
      '**Uma instância que perde essa sessão** (o banco reinicia ou troca de servidor, a rede cai, alguém a encerra com `pg_terminate_backend`) percebe na hora, ou em cerca de 5 segundos quando a conexão só fica parada, e entra em pausa: não pega mensagens nem respostas para enviar, pula a limpeza e responde 503 ao webhook da Meta, para que o WhatsApp entregue essas mensagens de novo mais tarde; o `/healthz` responde 503 com `paused` e um `reason` em palavras simples, e o balanceador manda o tráfego para as outras instâncias. Enquanto isso ela retoma a trava numa conexão nova, tentando cada vez mais espaçado até a cada 5 segundos, e volta sozinha quando a consegue: o que esperava e o que o WhatsApp entrega de novo é respondido uma vez cada, e a limpeza que pulou roda então. Nos segundos antes de perceber, suas gravações também são recusadas enquanto o `rotate-key` segura a trava (cada gravação toma a trava para si), então nada é gravado com uma chave que está sendo trocada. Enquanto o `rotate-key` roda, ela não consegue retomar a trava e fica em pausa (o log diz `"event":"paused","reason":"key-rotation"` com o nome do comando em `by`). Depois que o `rotate-key` troca a chave, a instância fica parada (`"reason":"key-replaced"`): reinicie-a com a chave nova.',
    'scale-keys':
      '**Chaves**: todas as instâncias precisam do mesmo AMANA_DATA_KEY — entregue-o pelo seu cofre de segredos ou como AMANA_DATA_KEY_FILE (chmod 600), nunca o guarde no banco nem junto dos backups dele. O banco guarda dados pessoais só como texto cifrado sob chaves por pessoa, protegidas por essa chave.',
    'scale-erasure':
      '**Apagamento no PostgreSQL** elimina a chave e as linhas da pessoa numa só transação. O PostgreSQL mantém versões apagadas de linhas nos arquivos até o VACUUM reaproveitar o espaço, e backups e arquivos de WAL guardam o que copiaram; o que resta ali é texto cifrado sob uma chave que não existe mais (crypto-shredding), ilegível mesmo com o AMANA_DATA_KEY. Deixe o autovacuum ligado (é o padrão) e descarte backups antigos periodicamente. Faça backup com `pg_dump` ou com os snapshots do seu provedor, e restaure reaplicando o diário de exclusões como mostrado em Backups, para que quem foi apagado depois do backup seja apagado de novo.',
    'set-database-url':
      'Opcional: um endereço PostgreSQL (`postgres://usuario:senha@host:5432/banco`, com `?sslmode=require` através da rede) para várias instâncias; sem ele o bot usa SQLite (AMANA_DB).',
    'h-settings': '9. Configurações',
    setting: 'Configuração',
    meaning: 'Significado',
    'set-port': 'Porta HTTP (padrão 3000); `HOST` escolhe a interface (padrão: todas).',
    'set-app-secret':
      'Chave secreta do app (Painel de Apps da Meta → Configurações do app → Básico); verifica cada entrega do webhook.',
    'set-verify': 'Uma frase escolhida por você; a mesma nas configurações de webhook da Meta.',
    'set-access': 'Token de acesso de Usuário do Sistema com `whatsapp_business_messaging`.',
    'set-phone-id': 'Identificação do número de telefone (WhatsApp Manager → Configuração da API).',
    'set-graph': 'Endereço da Graph API com a versão (padrão `https://graph.facebook.com/v23.0`).',
    'set-key':
      '32 bytes aleatórios em base64 (`node server.js keygen`), ou `AMANA_DATA_KEY_FILE` com o caminho de um arquivo que a contenha.',
    'set-db': 'Arquivo do banco SQLite (padrão `./amana.db`; caminhos relativos partem desta pasta).',
    'set-admin': 'Token da API de administração (pelo menos 24 caracteres); sem ele a API fica desligada.',
    'set-rate': 'Mensagens por segundo para o WhatsApp (padrão 80, o limite padrão do WhatsApp por número).',
    'set-forward': 'Opcional: assina as notificações de transferência enviadas à URL de um destinatário.',
    'set-lang': 'Idioma das mensagens do bot para você: en, pt-BR ou ar (padrão a partir de LANG).',
    'set-secret':
      'Exigido por este fluxo: o token de API que {recipients} lhe deu. O bot o envia só nos cabeçalhos das requisições que leem `{{secret.{name}}}`, para o host do próprio destinatário, e nunca o grava no banco nem nos logs; sem ele, o bot não inicia.',
    'env-header':
      'Configurações do bot Amana “{flow}”. Copie este arquivo para .env (chmod 600) e preencha; o README.md explica cada uma.',
    'h-stats': '10. Estatísticas sem dados pessoais',
    stats:
      'O bot conta, por etapa do fluxo e por dia (UTC), quantas conversas **chegaram** à etapa, **pararam ali** (a última mensagem até agora as deixou paradas nela, sem terminar: as de hoje e de ontem ainda podem voltar, e saem da célula quando voltam), **terminaram** ali (etapa Fim, etapa sem saída, exclusão), foram **passadas a uma pessoa** ali ou **pediram para parar** ali (a palavra-chave de parar; “(sem conversa)” quando não havia conversa); e, por finalidade de consentimento, quantas conversas **aceitaram** ou **recusaram**. O `stats` as imprime (30 dias até hoje, se não disser outra coisa; `--json` para máquinas), cada etapa com o nome que seu cartão mostra — o tipo e as primeiras palavras do texto, como “Pergunta: Qual é o seu e-mail?” — e cada finalidade pelo seu rótulo, no idioma de `AMANA_LANG` (senão `LANG`) quando o fluxo está escrito nele; a API de administração serve o mesmo JSON em `GET /admin/stats?from=…&to=…`; supervisores as veem em gráficos, com suas tabelas, na página Estatísticas da central.',
    'stats-never':
      '**O que nunca contêm**: nenhum número de telefone nem hash dele, nenhum id de pessoa ou conversa, nenhuma resposta ou outro valor, nenhum horário mais fino que um dia UTC — só contadores (dia, etapa ou finalidade, o que aconteceu, quantas), somados na mesma transação do turno da conversa. Para contar cada conversa uma vez, o próprio estado dela (cifrado com a chave da pessoa, apagado com ela) lembra pelo que já foi contada. Contagens de 1 a 4 aparecem como “< 5” (0 como 0); um total de vários dias soma só as contagens diárias mostradas (marcado “≥” quando deixou alguma de fora, e impresso “oculto: menos de 5 em cada dia” quando todas estavam ocultas), então nenhum período, nem a diferença de dois, revela uma contagem oculta; uma taxa de consentimento só é dada quando as duas contagens aparecem. As contagens ficam quando uma pessoa é apagada: não dizem nada sobre ninguém.',
  },
  ar: {
    title: '{flow} — بوت واتساب',
    intro:
      'صدّره أمانة {version} في {date}. يجيب البوت عملاءك على واتساب كما صُمّم المسار وفُحص في أمانة تمامًا، على خادمك أنت، مع حفظ البيانات الشخصية مشفّرة.',
    files: 'الملفات',
    'file-server': 'البوت (ملف واحد، يعتمد على better-sqlite3، وعلى postgres عند التشغيل على PostgreSQL)',
    'file-flow': 'المسار كما فُحص؛ يرفض البوت التشغيل إذا عُدّل (صدّر من جديد بدلًا من ذلك)',
    'file-manifest': 'ما صُدّر ومتى وبأي نتيجة فحص، وبصمات SHA-256 للملفات',
    'file-notices': 'ما يُقال للعملاء، ملف لكل لغة من لغات المسار (ضع رابطه في موقعك وفي أول رسالة من المسار)',
    'file-records': 'سجل أنشطة المعالجة الخاص بك (GDPR المادة 30 / LGPD المادة 37)',
    'file-env': 'كل الإعدادات، لنسخها إلى ‎.env',
    'h-requirements': '1. ما تحتاجه',
    requirements:
      '- Node.js ‏20.19 أو أحدث، وأدوات بناء better-sqlite3 إن لم يوجد ملف تنفيذي جاهز لنظامك (`python3` و`make` ومترجم C++‎).\n- عنوان HTTPS للبوت: لا تستدعي Meta الويب هوك إلا عبر HTTPS. ضع البوت خلف وكيل عكسي (Caddy أو nginx) يحمل الشهادة.\n- تطبيق Meta فيه منتج واتساب، ورقم هاتف تجاري، ورمز وصول لمستخدم النظام بإذن `whatsapp_business_messaging`.',
    'h-install': '2. التثبيت والإعداد',
    'install-keys':
      'يطبع `keygen` مفتاحًا عشوائيًا: استخدم واحدًا لـ AMANA_DATA_KEY وآخر لـ ADMIN_TOKEN. **احتفظ بنسخة من AMANA_DATA_KEY في مكان آمن بعيدًا عن قاعدة البيانات**: بدونه لا يمكن قراءة أي شيء محفوظ، ومن يملكهما معًا يقرأ كل شيء.',
    'install-env':
      'املأ ملف `.env` (الإعدادات مذكورة في آخر هذا الملف). يفحص البوت كل الإعدادات عند التشغيل ويذكر بالضبط ما ينقص أو ما هو خاطئ.',
    'h-meta': '3. ربط واتساب',
    meta: 'في لوحة تطبيقات Meta، واتساب ← الإعداد: اجعل عنوان رد الاتصال `https://<نطاقك>/webhook` ورمز التحقق هو WHATSAPP_VERIFY_TOKEN، ثم اشترك في الحقل `messages`. تختبر Meta العنوان فورًا، لذا شغّل البوت أولًا.',
    'h-run': '4. التشغيل',
    run: 'يسجّل البوت سطر JSON لكل حدث على المخرج القياسي، ولا تحتوي السجلات على بيانات العملاء أبدًا. ويتوقف بسلام عند SIGTERM. لإبقائه يعمل، تصلح وحدة systemd مثل هذه:',
    'h-simulate': '5. التجربة دون واتساب',
    simulate:
      'محادثة في الطرفية تمر عبر صندوق الوارد والمحرك وقاعدة البيانات المشفّرة نفسها (وتجيب عُقد http بردودها التجريبية). استخدم AMANA_DB مختلفًا لإبعاد محادثات الاختبار عن بيانات التشغيل.',
    'h-agents': '6. تحويل المحادثات إلى موظفين',
    agents:
      'حين يحوّل المسار محادثة إلى شخص، يصمت البوت وتنتظر المحادثة في واجهة الإدارة (عند ضبط ADMIN_TOKEN). يعرض الموظف المحادثات المنتظرة، ويقرأ ما شورك، ويرد، ثم يعيدها إلى البوت:',
    'agents-again':
      'يمكن إرسال الرد مرة أخرى بأمان: أعطِ كل رد ترويسة `Idempotency-Key` خاصة به (من 1 إلى 255 حرفًا مرئيًا من ASCII، مثل UUID، بين علامتي اقتباس أو بدونهما). المفتاح نفسه مع النص نفسه يُجاب بـ 202 `{"queued": true, "again": true}` ولا يُرسل شيء آخر، حتى إن ضاع الجواب الأول في الطريق؛ والمفتاح نفسه مع نص آخر يُرفض بـ 422 ولا يُرسل شيء. يُحفظ المفتاح مشفّرًا مع الرد ويُمحى مع بيانات العميل. يصف `GET /admin/openapi.json` الواجهة كلها.',
    'agents-forward':
      'إذا كان لجهة متلقية المعرّف نفسه لطابور تحويل وعنوان `url`، يُرسل كل تحويل (وكل رسالة من العميل أثناء تولي شخص للمحادثة) إلى ذلك العنوان بصيغة JSON، موقّعًا بـ HANDOFF_FORWARD_SECRET إن ضُبط (`X-Amana-Signature-256: sha256=<HMAC-SHA256 للمحتوى>`).',
    'h-privacy': '7. عمليات الخصوصية',
    privacy:
      'تُحذف القيم المنتهية كل ساعة (وعند التشغيل)، ويفعل `purge` ذلك فورًا. و`erase` هو حق المحو: يحذف مفتاح الشخص وكل الصفوف عنه ويفرّغ سجل الكتابة المسبقة، ويسجّل المحو في سجل المحو (قيمة تجزئة الرقم بمفتاح والوقت فقط)، فتُمحى بياناته من جديد عند استعادة نسخة احتياطية أقدم. ويطبع `export-subject` بصيغة JSON كل ما يُحتفظ به عن شخص، لطلبات الاطلاع والنقل. ويستطيع العملاء أيضًا محو بياناتهم بأنفسهم بكلمة المحو في المسار. وفي منتصف المحادثة، يُنهي المحو (بالكلمة، أو بخطوة «حذف البيانات» بلا وصلة بعدها) المحادثة بعد التأكيد: تبدأ رسالة العميل التالية محادثة جديدة من البداية كما لشخص جديد، ولا تُرسل أبدًا خطوة كانت ستقرأ قيمة محذوفة وفيها فراغ (يُظهر السجل `refused` مع الخطوة وأسماء الحقول، لا القيم أبدًا).',
    'consent-versions':
      '**الموافقة تتبع الإشعار**: تُسجَّل كل إجابة موافقة في سجل الموافقات مع إصدار المسار (قيمة SHA-256 لملف flow.json كما في manifest.json) ومع بصمة لصياغة كل غرض: اسمه ووصفه بكل اللغات، والبيانات التي تعتمد عليه. عندما يغيّر تصدير جديد صياغة غرض، أو البيانات التي تعتمد عليه، تتوقف الموافقات السابقة على هذا الغرض عن الاحتساب: يُبلَّغ العميل العائد بأن إشعار الخصوصية تغيّر، مع رابط الإشعار الكامل (أو جهة الاتصال لدى المسؤول إن لم يوجد)، وتسأله خطوة الموافقة من جديد، ولا يُستخدم ما يحتاج إلى تلك الموافقة حتى يجيب. الأغراض التي بقيت صياغتها كما هي لا يُسأل عنها من جديد. تذكر نافذة التصدير في Amana الأغراض التي سيُسأل عنها من جديد: انشر إشعار الخصوصية الجديد قبل النشر. الإجابات التي سجّلها بوت صُدِّر قبل هذه الميزة لا تحمل صياغة ولا تُنقل: يُسأل هؤلاء العملاء كما كانوا يُسألون.',
    'recipient-erasure':
      '**المحو لدى الجهات المستلمة**: عند محو بيانات شخص (بكلمة المحو، أو بخطوة «حذف البيانات»، أو بالأمر `erase`، أو من مكتب الموظفين) يطلب المساعد أيضًا من {recipients} حذف ما تلقّته، باستدعاء مسار الحذف لكل منها مع المرجع الذي أعادته عند إرسال البيانات (مثل معرّف عميل محتمل). وما دام الشخص معروفًا تبقى هذه المراجع مشفّرة بمفتاح الشخص نفسه، فتزول مع كل شيء آخر عند محوه أو نسيانه. وعند المحو يُشفَّر كل طلب من جديد بمفتاح خاص به مشتق من AMANA_DATA_KEY (لأن مفتاح الشخص يُحذف) ويُوضع في الطابور في المعاملة نفسها، ثم يُحذف فور رد الجهة (2xx، أو 404/410: لم يبق شيء هناك) أو حين يتوقف المساعد (عند أي 4xx آخر فورًا؛ وعند 5xx و429 وأخطاء الشبكة بعد 12 محاولة بفواصل متزايدة، نحو نصف ساعة). وفي هذه الفترة وحدها يوجد المرجع خارج مفتاح الشخص (والنسخة الاحتياطية المأخوذة فيها تحتويه، ويمكن قراءته بـ AMANA_DATA_KEY). ويحفظ سجل المحو لدى الجهات المستلمة تجزئة الهاتف بالمفتاح والجهة ونتيجة الطلب (طُلب/تم/فشل) وحالة HTTP والوقت — ولا يحفظ المرجع أبدًا؛ ولا يُضاف إليه إلا الجديد. ويطبعه `export-subject` باسم `recipientErasures`، ويطبع `erase` رد كل جهة. ومسار الحذف الذي تقرأ ترويساته `{{secret.NAME}}` يرسل الإعداد AMANA_SECRET_NAME المذكور أدناه؛ وأي طلب يُجرى وهو غير مضبوط (أمر `erase` يُشغَّل دونه) يفشل فورًا مع ذكر اسم الإعداد. واطلب من الجهة التي فشل الطلب لديها بوسيلة أخرى.',
    backups:
      'أثناء عمل البوت، يكتب `backup` نسخة متسقة من قاعدة بيانات SQLite (واجهة النسخ الاحتياطي الحي في SQLite)، مشفّرة بـ AES-256-GCM بمفتاح مشتق من AMANA_DATA_KEY: لا تُفتح إلا بذلك المفتاح، ويذكر رأسها المفتاح الذي تحتاجه. احفظ النسخ الاحتياطية والمفتاح منفصلين.',
    'h-backups': 'النسخ الاحتياطية',
    'backups-restore':
      'يرفض `restore` استبدال قاعدة بيانات قيد الاستخدام (أوقف البوت أولًا) ويطلب `--force` قبل استبدال قاعدة موجودة. كل محو (بالكلمة، أو بخطوة «حذف البيانات»، أو `erase`، أو مكتب الموظفين) يُكتب في سجل محو لا يحوي إلا قيمة تجزئة الرقم بمفتاح والوقت. وقبل أن تحل النسخة محل قاعدة البيانات، يعيد `restore` تطبيق ذلك السجل عليها: من مُحي بعد أخذ النسخة يُمحى من جديد (يُحذف مفتاحه وصفوفه)، ومن كتب من جديد بعد محوه يحتفظ بمحادثته الجديدة. ويُرفض الملف التالف أو المقطوع أو المعدَّل، أو المفتاح الخطأ، ولا يتغيّر شيء.',
    'backups-postgres':
      'على PostgreSQL، خذ النسخ الاحتياطية بـ `pg_dump` (أو بلقطات مزوّدك). وللاستعادة: أوقف كل النسخ، واحفظ سجل المحو الحالي، واستعد، ثم أعد تطبيق السجل:',
    'backups-postgres-note':
      'لا يشفّر Amana ملفات pg_dump: القيم الشخصية فيها نص مشفّر بمفاتيح لكل شخص، لكن احفظها بعناية قاعدة البيانات نفسها. ويعمل `save-erasures` و`replay-erasures` على SQLite أيضًا، لنسخة استُعيدت بطريقة أخرى.',
    'h-rotate': 'تغيير المفتاح الرئيسي',
    rotate:
      'لاستبدال AMANA_DATA_KEY (غادر شخص كان يعرفه، أو دوريًا)، أوقف البوت (كل النسخ)، وأنشئ مفتاحًا جديدًا، وشغّل `rotate-key` به في AMANA_DATA_KEY_NEW أو في ملف تعطيه بـ `--new-key-file`. يرفض العمل، ذاكرًا أسماءها، ما دامت نسخة أو أمر آخر يفتح قاعدة البيانات، ولا يفتحها شيء في أثناء عمله:',
    'rotate-details':
      'يعيد `rotate-key` تغليف مفتاح بيانات كل شخص بالمفتاح الجديد على دفعات، تُحفظ كل دفعة وحدها؛ وحين يقول إنه انتهى، ضع المفتاح الجديد في AMANA_DATA_KEY (أو AMANA_DATA_KEY_FILE) وشغّل البوت. وإن انقطع، شغّله مرة أخرى بالمفتاحين نفسيهما فيكمل من حيث توقف (ولا يبدأ البوت حتى ينتهي). بعدها لا تقبل قاعدة البيانات إلا المفتاح الجديد؛ ويُرفض القديم عند التشغيل برسالة تقول إنه استُبدل. وتبقى الأرقام قابلة للعثور عليها: قيم تجزئة الهواتف وسجل الموافقات وسجل المحو تستخدم مفاتيح تجزئة مصنوعة من أول مفتاح لقاعدة البيانات، محفوظة مشفّرة بالمفتاح الحالي ولا يغيّرها التبديل — فمن يملك مفتاحًا قديمًا ونسخة من قاعدة البيانات يستطيع أن يختبر وجود رقم معيّن فيها، لكنه لا يستطيع قراءة أي قيمة. والنسخ الاحتياطية المأخوذة قبل التبديل لا تُفتح إلا بالمفتاح القديم: احتفظ به ما دمت تحتفظ بها، أو خذ نسخة جديدة واحذف الأقدم.',
    'set-key-new':
      'لـ `rotate-key` فقط: المفتاح الرئيسي الجديد (base64، مثل AMANA_DATA_KEY). احذفه بعد انتهاء التبديل.',
    'h-scale': '8. عدة نسخ على PostgreSQL',
    scale:
      'نسخة واحدة على SQLite لا تحتاج إلى خادم قاعدة بيانات. حين تتجاوز الحركة خادمًا واحدًا، شغّل المجلد نفسه على N خادم (أو N عملية) مع قاعدة بيانات PostgreSQL واحدة وموازن أحمال أمامها: اضبط `DATABASE_URL=postgres://user:password@host:5432/database` في ملف `.env` لكل نسخة (ملف `.env` نفسه في كل مكان: AMANA_DATA_KEY وADMIN_TOKEN وإعدادات واتساب نفسها)، ووجّه الويب هوك في Meta إلى الموازن. أول نسخة تبدأ تنشئ الجداول، والإصدارات اللاحقة تُرحّلها مرة واحدة أيًّا كانت النسخة التي تبدأ أولًا.',
    'scale-work':
      'يمكن لأي نسخة أن تستقبل أي رسالة: تُكتب كل رسالة مرة واحدة (وتتعرف أي نسخة على إعادة إرسال Meta)، وتُعالج مرة واحدة، وتُعالج رسائل الشخص الواحد بالترتيب وبنسخة واحدة في كل مرة. إذا توقفت نسخة تتولى الأخرى عملها بعد 10 ثوانٍ. تخرج الردود بالترتيب لكل شخص، بحد أقصى AMANA_SEND_RATE في الثانية لرقم النشاط التجاري كله لا لكل نسخة. ويجري الحذف الدوري كل ساعة على نسخة واحدة في كل مرة.',
    'scale-health':
      'وجّه فحص السلامة في الموازن إلى `GET /healthz`: يعيد 200 مع `inboxLagMs` (مدة انتظار أقدم رسالة لم تُعالج) ما دامت قاعدة البيانات تجيب، و503 حين لا تجيب أو ما دامت النسخة متوقفة مؤقتًا (انظر أدناه). تُبقي كل نسخة جلسة مفتوحة في قاعدة البيانات ما دامت تعمل، تمسك فيها قفلًا يُعلم `rotate-key` هل يعمل وحده (اتصال واحد زيادة على مجمّع اتصالاتها): لذا يجب أن يجمّع أي وسيط اتصالات أمام PostgreSQL حسب الجلسة (`pool_mode = session` في PgBouncer؛ فالتجميع حسب المعاملة أو الأمر يُفسد القفل).',
    'scale-pause':
      '**النسخة التي تفقد تلك الجلسة** (أُعيد تشغيل قاعدة البيانات أو انتقلت إلى خادم آخر، أو انقطعت الشبكة، أو أنهاها أحد بـ `pg_terminate_backend`) تلاحظ ذلك فورًا، أو في نحو 5 ثوانٍ إن بقي الاتصال معلّقًا فحسب، فتتوقف مؤقتًا: لا تأخذ رسائل ولا ردودًا لترسلها، وتتخطى الحذف الدوري، وتجيب ويب هوك Meta بـ 503 فيعيد واتساب تسليم تلك الرسائل لاحقًا؛ ويجيب `/healthz` بـ 503 مع `paused` و`reason` بكلمات بسيطة، فيوجّه الموازن الحركة إلى النسخ الأخرى. وفي أثناء ذلك تستعيد القفل على اتصال جديد، وتعيد المحاولة على فترات تطول حتى كل 5 ثوانٍ، وتستأنف عملها وحدها حين تستعيده: ما كان ينتظر وما يعيد واتساب تسليمه يُجاب عنه مرة واحدة لكلٍّ منه، ويجري حينها الحذف الدوري الذي تخطّته. وفي الثواني التي تسبق ملاحظتها، تُرفض كتاباتها كذلك ما دام `rotate-key` يمسك القفل (فكل كتابة تأخذ القفل لنفسها)، فلا يُكتب شيء بمفتاح يجري استبداله. وما دام `rotate-key` يعمل فلا تستطيع استعادة القفل وتبقى متوقفة (يقول سجلها `"event":"paused","reason":"key-rotation"` واسم الأمر في `by`). وبعد أن يستبدل `rotate-key` المفتاح، تبقى النسخة متوقفة (`"reason":"key-replaced"`): أعد تشغيلها بالمفتاح الجديد.',
    'scale-keys':
      '**المفاتيح**: تحتاج كل النسخ إلى AMANA_DATA_KEY نفسه — سلّمه عبر مدير الأسرار لديك أو في AMANA_DATA_KEY_FILE ‏(chmod 600)، ولا تحفظه في قاعدة البيانات ولا بجوار نسخها الاحتياطية. لا تحفظ قاعدة البيانات البيانات الشخصية إلا نصًا مشفّرًا بمفاتيح لكل شخص يحميها ذلك المفتاح.',
    'scale-erasure':
      '**المحو على PostgreSQL** يحذف مفتاح الشخص وصفوفه في معاملة واحدة. يُبقي PostgreSQL نسخ الصفوف المحذوفة في ملفاته حتى يعيد VACUUM استخدام المساحة، وتحتفظ النسخ الاحتياطية وأرشيفات WAL بما نسخته؛ وما يبقى هناك نص مشفّر بمفتاح لم يعد موجودًا (crypto-shredding)، فلا يُقرأ حتى مع AMANA_DATA_KEY. اترك autovacuum يعمل (وهو مفعّل افتراضيًا) واحذف النسخ الاحتياطية القديمة دوريًا. خذ النسخ الاحتياطية بـ `pg_dump` أو بلقطات مزوّدك، واستعدها مع إعادة تطبيق سجل المحو كما في «النسخ الاحتياطية»، فيُمحى من جديد من مُحي بعد أخذ النسخة.',
    'set-database-url':
      'اختياري: عنوان PostgreSQL ‏(`postgres://user:password@host:5432/database`، مع `?sslmode=require` عبر الشبكة) لعدة نسخ؛ ومن دونه يستخدم البوت SQLite ‏(AMANA_DB).',
    'h-settings': '9. الإعدادات',
    setting: 'الإعداد',
    meaning: 'المعنى',
    'set-port': 'منفذ HTTP (الافتراضي 3000)؛ ويختار `HOST` الواجهة (الافتراضي: كلها).',
    'set-app-secret':
      'المفتاح السري للتطبيق (لوحة تطبيقات Meta ← إعدادات التطبيق ← أساسي)؛ يتحقق به من كل رسالة ويب هوك.',
    'set-verify': 'عبارة تختارها؛ والعبارة نفسها في إعدادات الويب هوك في Meta.',
    'set-access': 'رمز وصول لمستخدم النظام بإذن `whatsapp_business_messaging`.',
    'set-phone-id': 'معرّف رقم الهاتف (WhatsApp Manager ← إعداد واجهة البرمجة).',
    'set-graph': 'عنوان Graph API مع الإصدار (الافتراضي `https://graph.facebook.com/v23.0`).',
    'set-key': '‏32 بايتًا عشوائيًا بترميز base64 ‏(`node server.js keygen`)، أو `AMANA_DATA_KEY_FILE` بمسار ملف يحويه.',
    'set-db': 'ملف قاعدة بيانات SQLite (الافتراضي `./amana.db`؛ تُقرأ المسارات النسبية من هذا المجلد).',
    'set-admin': 'رمز وصول واجهة الإدارة (24 حرفًا على الأقل)؛ بدونه تكون الواجهة متوقفة.',
    'set-rate': 'عدد الرسائل في الثانية إلى واتساب (الافتراضي 80، وهو الحد الافتراضي لكل رقم).',
    'set-forward': 'اختياري: يوقّع إشعارات التحويل المرسلة إلى عنوان جهة متلقية.',
    'set-lang': 'لغة رسائل البوت إليك: en أو pt-BR أو ar (الافتراضي من LANG).',
    'set-secret':
      'يتطلبه هذا التدفق: رمز واجهة البرمجة الذي أعطتك إياه {recipients}. لا يرسله البوت إلا في ترويسات الطلبات التي تقرأ `{{secret.{name}}}`، إلى مضيف الجهة المستلمة نفسها، ولا يكتبه أبدًا في قاعدة البيانات أو السجلات؛ ولا يبدأ بدونه.',
    'env-header': 'إعدادات بوت أمانة “{flow}”. انسخ هذا الملف إلى ‎.env ‏(chmod 600) واملأه؛ يشرح README.md كل إعداد.',
    'h-stats': '10. إحصاءات دون بيانات شخصية',
    stats:
      'يحسب البوت، لكل خطوة في المسار ولكل يوم (بالتوقيت العالمي)، عدد المحادثات التي **وصلت** إلى الخطوة، و**توقفت عندها** (تركتها آخر رسالة حتى الآن واقفة عندها دون أن تنتهي: محادثات اليوم والأمس قد تعود، فتخرج من الخانة حين تعود)، و**انتهت** عندها (خطوة النهاية، أو خطوة بلا مخرج، أو المحو)، و**حُوّلت إلى موظف** عندها، أو **طلبت الإيقاف** عندها (كلمة الإيقاف؛ «(بلا محادثة)» حين لم تكن هناك محادثة)؛ ولكل غرض من أغراض الموافقة عدد المحادثات التي **وافقت** أو **رفضت**. يطبعها `stats` (30 يومًا حتى اليوم ما لم يُحدَّد غير ذلك؛ و`--json` للبرامج)، ويسمّي كل خطوة كما تظهر بطاقتها — نوعها وأولى كلمات نصها، مثل «سؤال: …» — وكل غرض باسمه، بلغة `AMANA_LANG` (وإلا `LANG`) حين يكون المسار مكتوبًا بها، وتقدّم واجهة الإدارة JSON نفسه على `GET /admin/stats?from=…&to=…`، ويراها المشرفون رسومًا بيانية مع جداولها في صفحة «الإحصاءات» في مكتب الموظفين.',
    'stats-never':
      '**ما لا تحتويه أبدًا**: لا رقم هاتف ولا بصمة له، ولا معرّف شخص أو محادثة، ولا إجابة أو أي قيمة أخرى، ولا وقت أدق من يوم بالتوقيت العالمي — عدّادات فقط (اليوم، الخطوة أو الغرض، ما حدث، كم مرة)، تُزاد في المعاملة نفسها لدور المحادثة. ولكي تُحسب كل محادثة مرة واحدة، تتذكر حالتها نفسها (المشفرة بمفتاح الشخص والممحوة معه) ما حُسبت لأجله. الأعداد من 1 إلى 4 تظهر «< 5» (والصفر صفرًا)؛ ومجموع عدة أيام يجمع الأعداد اليومية الظاهرة فقط (ويُعلَّم «≥» إن ترك بعضها، ويُطبع «مخفي: أقل من 5 في كل يوم» إن كانت كلها مخفية)، فلا تكشف أي مدة، ولا الفرق بين مدتين، عددًا مخفيًا؛ ولا تُعطى نسبة الموافقة إلا حين يظهر عدداها كلاهما. وتبقى الأعداد حين يُمحى شخص: فهي لا تقول شيئًا عن أحد.',
  },
};

/** A text of the bundle's README.md and .env.example in a language, with its placeholders filled in. */
export const deployReadmeText = translator(messages);
