/**
 * The data-category catalogue: what kind of personal data a flow field holds.
 *
 * Source: the default taxonomy of fideslang (github.com/ethyca/fideslang,
 * `src/fideslang/default_taxonomy/data_categories.py`, commit 1144db3c9689e7324d92659e7240cac2dd384029,
 * the 3.2.0 taxonomy, plus its `docs/migration/v3.2.0.md`), compared with the 2.x taxonomy
 * (IABTechLab/fideslang, same path, commit b830b9c18efd149d8325be59f6c67c7b56f942d3).
 * Keys and the tree are fideslang's; labels and descriptions are our own plain-language
 * wording for designers, in English, Brazilian Portuguese and Arabic.
 *
 * - `dataCategories` holds the 101 current (non-deprecated) 3.2 categories.
 * - `categoryAliases` maps older keys to their current key, so flows written against
 *   fideslang 2.x (as DESIGN.md §2 still is: `user.health_and_medical`, `user.biometric`,
 *   `user.childrens`) keep working:
 *   - the 22 categories deprecated in 3.2.0, following their `replaced_by` pointer
 *     (four of them were merged into their parent or a sibling);
 *   - the 16 fideslang 1.x keys renamed in 2.0 (ethyca/fides data migration 1ea164cee8bc,
 *     `data_category_upgrades`), chained through to their current 3.2 key.
 *
 * Sensitivity (`sensitive`): the special categories of LGPD art. 5 II (dado pessoal
 * sensível) and GDPR art. 9, which need explicit consent (`sensitive-without-consent`):
 * health (all of `user.health`, which includes genetic data), biometrics (all of
 * `user.biometrics`, plus biometric login `user.authorization.biometrics`), racial or
 * ethnic origin, religious and philosophical beliefs, political opinions, trade-union
 * membership and sexual orientation. DESIGN.md §2 adds children's data (LGPD art. 14 gives
 * it its own regime) and criminal history (GDPR art. 10); `protected_classifications`
 * ("sensitive attributes") is treated as sensitive to be safe.
 *
 * `protectedIdentifier`: government-issued identifiers and financial or payment data. They
 * are not special categories in law, but they are what fraud is made of; the checker's
 * `sensitive-echo` rule treats them like sensitive data.
 *
 * Pure data: no imports, safe for every layer. The logic that reads it is ./categories.ts.
 */

/** [label, one-sentence description] in one language. */
type CategoryText = readonly [label: string, description: string];
export type CategoryEntry = readonly [key: string, en: CategoryText, ptBR: CategoryText, ar: CategoryText];

/** The current categories: key, then label and description in English, Portuguese and Arabic. */
export const categoryEntries: readonly CategoryEntry[] = [
  // user
  [
    'user',
    [
      'Personal data',
      'Any information about the person chatting with you, whether they typed it or it came from their use of the service.',
    ],
    [
      'Dados pessoais',
      'Qualquer informação sobre a pessoa que conversa com você, seja digitada por ela ou gerada pelo uso do serviço.',
    ],
    ['البيانات الشخصية', 'أي معلومة عن الشخص الذي يحادثك، سواء كتبها بنفسه أو نتجت عن استخدامه للخدمة.'],
  ],

  // user.account
  [
    'user.account',
    ['Account details', 'Information given when someone signs up or registers for an account.'],
    ['Dados da conta', 'Informações fornecidas quando a pessoa cria ou registra uma conta.'],
    ['بيانات الحساب', 'المعلومات التي يقدّمها الشخص عند إنشاء حساب أو التسجيل في الخدمة.'],
  ],
  [
    'user.account.username',
    ['Username', 'The name someone chose to log in with or to appear as in their account.'],
    ['Nome de usuário', 'O nome que a pessoa escolheu para entrar ou para aparecer na conta.'],
    ['اسم المستخدم', 'الاسم الذي اختاره الشخص لتسجيل الدخول أو للظهور به في حسابه.'],
  ],

  // user.authorization
  [
    'user.authorization',
    ['Access and permissions', 'What a person is allowed to see or do in a system, and how they prove who they are.'],
    ['Acesso e permissões', 'O que a pessoa pode ver ou fazer em um sistema e como ela comprova quem é.'],
    ['الصلاحيات والوصول', 'ما يُسمح للشخص برؤيته أو فعله في النظام، وكيف يُثبت هويته.'],
  ],
  [
    'user.authorization.credentials',
    ['Login credentials', 'Secrets used to sign in, such as access codes, tokens or answers to security questions.'],
    [
      'Credenciais de acesso',
      'Informações secretas usadas para entrar, como códigos de acesso, tokens ou respostas de segurança.',
    ],
    ['بيانات تسجيل الدخول', 'معلومات سرية تُستخدم للدخول، مثل رموز الوصول أو إجابات أسئلة الأمان.'],
  ],
  [
    'user.authorization.biometrics',
    ['Biometric login', 'A fingerprint, face or voice used to unlock an account or confirm who someone is.'],
    [
      'Login por biometria',
      'Digital, rosto ou voz usados para desbloquear uma conta ou confirmar a identidade da pessoa.',
    ],
    ['الدخول بالبصمة أو الوجه', 'بصمة الإصبع أو الوجه أو الصوت المستخدم لفتح الحساب أو لتأكيد هوية الشخص.'],
  ],
  [
    'user.authorization.password',
    ['Password', 'The password someone uses to sign in.'],
    ['Senha', 'A senha que a pessoa usa para entrar.'],
    ['كلمة المرور', 'كلمة السر التي يستخدمها الشخص لتسجيل الدخول.'],
  ],

  // user.behavior
  [
    'user.behavior',
    ['Activity and behaviour', 'What a person does while using a service, as observed rather than typed by them.'],
    ['Atividade e comportamento', 'O que a pessoa faz ao usar um serviço, observado em vez de informado por ela.'],
    ['النشاط والسلوك', 'ما يفعله الشخص أثناء استخدام الخدمة، بحسب ما يُرصد لا بحسب ما يكتبه بنفسه.'],
  ],
  [
    'user.behavior.browsing_history',
    ['Browsing history', 'Pages and content a person has viewed.'],
    ['Histórico de navegação', 'Páginas e conteúdos que a pessoa visitou.'],
    ['سجل التصفح', 'الصفحات والمحتوى الذي اطّلع عليه الشخص.'],
  ],
  [
    'user.behavior.media_consumption',
    ['Viewing and listening history', 'Videos, music, articles or other media a person has watched, heard or read.'],
    ['Histórico de mídia', 'Vídeos, músicas, artigos e outras mídias que a pessoa assistiu, ouviu ou leu.'],
    ['سجل المشاهدة والاستماع', 'مقاطع الفيديو والموسيقى والمقالات وغيرها مما شاهده الشخص أو سمعه أو قرأه.'],
  ],
  [
    'user.behavior.purchase_history',
    ['Purchase history', 'What a person has bought or ordered before.'],
    ['Histórico de compras', 'O que a pessoa já comprou ou encomendou.'],
    ['سجل المشتريات', 'ما اشتراه الشخص أو طلبه من قبل.'],
  ],
  [
    'user.behavior.search_history',
    ['Search history', 'Words and questions a person has searched for.'],
    ['Histórico de buscas', 'Palavras e perguntas que a pessoa pesquisou.'],
    ['سجل البحث', 'الكلمات والأسئلة التي بحث عنها الشخص.'],
  ],

  // user.biometrics
  [
    'user.biometrics',
    ['Biometric data', 'Body features that can identify a person, such as fingerprints, face, eyes or voice.'],
    ['Dados biométricos', 'Características do corpo que identificam a pessoa, como digitais, rosto, olhos ou voz.'],
    ['البيانات الحيوية (البيومترية)', 'سمات جسدية تميّز الشخص، مثل بصمات الأصابع أو الوجه أو العين أو الصوت.'],
  ],
  [
    'user.biometrics.fingerprint',
    ['Fingerprint', "A scan or digital template of a person's fingerprints."],
    ['Impressão digital', 'Leitura ou modelo digital das impressões digitais da pessoa.'],
    ['بصمة الإصبع', 'مسح أو نموذج رقمي لبصمات أصابع الشخص.'],
  ],
  [
    'user.biometrics.retinal',
    ['Eye scan', "A scan of a person's retina or iris."],
    ['Leitura da retina', 'Leitura da retina ou da íris da pessoa.'],
    ['بصمة العين', 'مسح لشبكية عين الشخص أو لقزحيتها.'],
  ],
  [
    'user.biometrics.voice',
    ['Voiceprint', "A recording or pattern of a person's voice used to recognise them."],
    ['Biometria de voz', 'Gravação ou padrão da voz da pessoa usado para reconhecê-la.'],
    ['بصمة الصوت', 'تسجيل أو نمط لصوت الشخص يُستخدم للتعرّف عليه.'],
  ],

  // user.children
  [
    'user.children',
    ["Children's data", 'Any information about a child or teenager.'],
    ['Dados de crianças e adolescentes', 'Qualquer informação sobre uma criança ou um adolescente.'],
    ['بيانات الأطفال', 'أي معلومة تتعلق بطفل أو مراهق.'],
  ],
  [
    'user.children.children_under_thirteen',
    ['Children under 13', 'Information about a child younger than thirteen.'],
    ['Crianças com menos de 13 anos', 'Informações sobre uma criança com menos de treze anos.'],
    ['أطفال دون الثالثة عشرة', 'معلومات عن طفل لم يبلغ الثالثة عشرة من عمره.'],
  ],
  [
    'user.children.thirteen_to_sixteen',
    ['Teens aged 13 to 16', 'Information about a young person between thirteen and sixteen years old.'],
    ['Adolescentes de 13 a 16 anos', 'Informações sobre um jovem entre treze e dezesseis anos.'],
    ['مراهقون بين 13 و16 عامًا', 'معلومات عن شاب يتراوح عمره بين الثالثة عشرة والسادسة عشرة.'],
  ],

  // user.contact
  [
    'user.contact',
    ['Contact details', 'Ways to reach a person, such as phone, email or address.'],
    ['Dados de contato', 'Formas de falar com a pessoa, como telefone, e-mail ou endereço.'],
    ['بيانات التواصل', 'طرق الوصول إلى الشخص، مثل الهاتف أو البريد الإلكتروني أو العنوان.'],
  ],
  [
    'user.contact.address',
    ['Address', 'Where a person lives or receives post.'],
    ['Endereço', 'Onde a pessoa mora ou recebe correspondência.'],
    ['العنوان', 'المكان الذي يسكن فيه الشخص أو يستلم فيه بريده.'],
  ],
  [
    'user.contact.address.city',
    ['City', "The city or town in a person's address."],
    ['Cidade', 'A cidade do endereço da pessoa.'],
    ['المدينة', 'المدينة أو البلدة الواردة في عنوان الشخص.'],
  ],
  [
    'user.contact.address.country',
    ['Country', "The country in a person's address."],
    ['País', 'O país do endereço da pessoa.'],
    ['الدولة', 'الدولة الواردة في عنوان الشخص.'],
  ],
  [
    'user.contact.address.postal_code',
    ['Postal code', "The postal or ZIP code in a person's address."],
    ['CEP', 'O CEP do endereço da pessoa.'],
    ['الرمز البريدي', 'الرمز البريدي الوارد في عنوان الشخص.'],
  ],
  [
    'user.contact.address.state',
    ['State or region', "The state, province or region in a person's address."],
    ['Estado', 'O estado ou a região do endereço da pessoa.'],
    ['المنطقة', 'المنطقة أو المحافظة أو الولاية الواردة في عنوان الشخص.'],
  ],
  [
    'user.contact.address.street',
    ['Street address', "The street, building number and flat in a person's address."],
    ['Rua e número', 'Rua, número e complemento do endereço da pessoa.'],
    ['الشارع ورقم المبنى', 'اسم الشارع ورقم المبنى والشقة في عنوان الشخص.'],
  ],
  [
    'user.contact.address.mailing_address',
    ['Mailing address', 'The full address where a person receives letters or deliveries.'],
    ['Endereço para correspondência', 'O endereço completo onde a pessoa recebe cartas ou entregas.'],
    ['العنوان البريدي', 'العنوان الكامل الذي يستلم عليه الشخص الرسائل أو الطلبات.'],
  ],
  [
    'user.contact.email',
    ['Email address', 'An email address used to write to the person.'],
    ['E-mail', 'O endereço de e-mail usado para escrever para a pessoa.'],
    ['البريد الإلكتروني', 'عنوان البريد الإلكتروني المستخدم لمراسلة الشخص.'],
  ],
  [
    'user.contact.phone_number',
    ['Phone number', 'A mobile or landline number, including a WhatsApp number.'],
    ['Telefone', 'Número de celular ou fixo, inclusive o do WhatsApp.'],
    ['رقم الهاتف', 'رقم جوال أو هاتف أرضي، بما في ذلك رقم واتساب.'],
  ],
  [
    'user.contact.social_url',
    ['Social media and website links', "Links to a person's social media profiles or personal websites."],
    ['Redes sociais e sites', 'Links para perfis em redes sociais ou sites pessoais da pessoa.'],
    ['روابط التواصل الاجتماعي والمواقع', 'روابط حسابات الشخص على وسائل التواصل الاجتماعي أو مواقعه الشخصية.'],
  ],
  [
    'user.contact.fax_number',
    ['Fax number', 'A fax number where the person can receive documents.'],
    ['Fax', 'Número de fax onde a pessoa recebe documentos.'],
    ['رقم الفاكس', 'رقم فاكس يستقبل عليه الشخص المستندات.'],
  ],

  // user.content
  [
    'user.content',
    ['Messages and content', 'What a person writes, sends or creates, such as messages, photos or files.'],
    ['Mensagens e conteúdo', 'O que a pessoa escreve, envia ou cria, como mensagens, fotos ou arquivos.'],
    ['الرسائل والمحتوى', 'ما يكتبه الشخص أو يرسله أو ينشئه، مثل الرسائل والصور والملفات.'],
  ],
  [
    'user.content.private',
    ['Private content', 'Messages, photos or files a person shares privately rather than in public.'],
    ['Conteúdo privado', 'Mensagens, fotos ou arquivos que a pessoa compartilha em particular, não em público.'],
    ['محتوى خاص', 'رسائل أو صور أو ملفات يشاركها الشخص بشكل خاص لا علنًا.'],
  ],
  [
    'user.content.public',
    ['Public content', 'Posts, reviews or other content a person has shared publicly.'],
    ['Conteúdo público', 'Publicações, avaliações e outros conteúdos que a pessoa compartilhou publicamente.'],
    ['محتوى عام', 'منشورات أو تقييمات أو محتوى آخر شاركه الشخص علنًا.'],
  ],
  [
    'user.content.self_image',
    ['Photo of the person', 'A photo or image in which the person can be recognised, fully or in part.'],
    ['Foto da pessoa', 'Foto ou imagem em que a pessoa pode ser reconhecida, por inteiro ou em parte.'],
    ['صورة الشخص', 'صورة يمكن التعرّف فيها على الشخص كليًا أو جزئيًا.'],
  ],

  // user.demographic
  [
    'user.demographic',
    ['Personal characteristics', 'Facts about who a person is, such as age, gender or language.'],
    ['Características pessoais', 'Informações sobre quem a pessoa é, como idade, gênero ou idioma.'],
    ['الخصائص الشخصية', 'معلومات عن هوية الشخص، مثل العمر أو الجنس أو اللغة.'],
  ],
  [
    'user.demographic.age_range',
    ['Age range', 'An approximate age or age group, such as 25 to 34, rather than an exact birth date.'],
    ['Faixa etária', 'Idade aproximada ou faixa de idade, como de 25 a 34 anos, sem a data exata de nascimento.'],
    ['الفئة العمرية', 'عمر تقريبي أو فئة عمرية، مثل من 25 إلى 34 عامًا، دون تاريخ الميلاد الدقيق.'],
  ],
  [
    'user.demographic.date_of_birth',
    ['Date of birth', 'The day, month and year a person was born.'],
    ['Data de nascimento', 'Dia, mês e ano em que a pessoa nasceu.'],
    ['تاريخ الميلاد', 'اليوم والشهر والسنة التي وُلد فيها الشخص.'],
  ],
  [
    'user.demographic.gender',
    ['Gender', 'The gender a person has stated or identifies with.'],
    ['Gênero', 'O gênero que a pessoa informou ou com o qual se identifica.'],
    ['الجنس', 'جنس الشخص كما يذكره بنفسه.'],
  ],
  [
    'user.demographic.language',
    ['Language', 'The language a person speaks, writes or prefers.'],
    ['Idioma', 'O idioma que a pessoa fala, escreve ou prefere.'],
    ['اللغة', 'اللغة التي يتحدث بها الشخص أو يكتب بها أو يفضّلها.'],
  ],
  [
    'user.demographic.marital_status',
    ['Marital status', 'Whether a person is single, married, divorced or widowed.'],
    ['Estado civil', 'Se a pessoa é solteira, casada, divorciada ou viúva.'],
    ['الحالة الاجتماعية', 'ما إذا كان الشخص أعزب أو متزوجًا أو مطلقًا أو أرمل.'],
  ],
  [
    'user.demographic.political_opinion',
    ['Political opinions', "A person's political views, party preference or political beliefs."],
    ['Opinião política', 'Posições políticas, preferência partidária ou convicções políticas da pessoa.'],
    ['الآراء السياسية', 'توجهات الشخص السياسية أو ميوله الحزبية أو قناعاته السياسية.'],
  ],
  [
    'user.demographic.profile',
    [
      'Preferences and interests',
      "A person's tastes, interests and preferences, such as favourite products or topics.",
    ],
    ['Preferências e interesses', 'Gostos, interesses e preferências da pessoa, como produtos ou assuntos favoritos.'],
    ['التفضيلات والاهتمامات', 'أذواق الشخص واهتماماته وتفضيلاته، مثل المنتجات أو المواضيع المفضّلة لديه.'],
  ],
  [
    'user.demographic.race_ethnicity',
    ['Race or ethnicity', "A person's racial or ethnic origin."],
    ['Raça ou etnia', 'A origem racial ou étnica da pessoa.'],
    ['العرق أو الأصل الإثني', 'الأصل العرقي أو الإثني للشخص.'],
  ],
  [
    'user.demographic.religious_belief',
    ['Religion', "A person's religion, faith or religious beliefs."],
    ['Religião', 'A religião, a fé ou as crenças religiosas da pessoa.'],
    ['الدين', 'دين الشخص أو مذهبه أو معتقداته الدينية.'],
  ],
  [
    'user.demographic.sexual_orientation',
    ['Sexual orientation', 'Who a person is romantically or sexually attracted to.'],
    ['Orientação sexual', 'Por quem a pessoa sente atração afetiva ou sexual.'],
    ['الميول الجنسية', 'الميول العاطفية أو الجنسية للشخص.'],
  ],
  [
    'user.demographic.citizenship_or_immigration_status',
    ['Citizenship or immigration status', "A person's nationality, residency or visa status."],
    ['Nacionalidade ou situação migratória', 'A nacionalidade, a residência ou a situação de visto da pessoa.'],
    ['الجنسية أو وضع الإقامة', 'جنسية الشخص أو وضع إقامته أو تأشيرته.'],
  ],
  [
    'user.demographic.philosophical_belief',
    ['Philosophical beliefs', "A person's worldview or deeply held philosophical convictions."],
    ['Convicções filosóficas', 'A visão de mundo ou as convicções filosóficas profundas da pessoa.'],
    ['المعتقدات الفكرية والفلسفية', 'رؤية الشخص للعالم أو قناعاته الفكرية والفلسفية الراسخة.'],
  ],
  [
    'user.demographic.protected_classifications',
    [
      'Other protected traits',
      'Other sensitive traits protected against discrimination, such as disability or veteran status.',
    ],
    [
      'Outras características protegidas',
      'Outras características sensíveis protegidas contra discriminação, como deficiência.',
    ],
    ['سمات محمية أخرى', 'سمات حساسة أخرى تحميها قوانين مكافحة التمييز، مثل الإعاقة.'],
  ],
  [
    'user.demographic.union_membership',
    ['Trade union membership', 'Whether a person belongs to a trade union.'],
    ['Filiação sindical', 'Se a pessoa é filiada a um sindicato.'],
    ['العضوية النقابية', 'ما إذا كان الشخص عضوًا في نقابة عمالية.'],
  ],

  // user.location
  [
    'user.location',
    ['Location', 'Where a person is or has been.'],
    ['Localização', 'Onde a pessoa está ou esteve.'],
    ['الموقع', 'المكان الذي يوجد فيه الشخص أو كان فيه.'],
  ],
  [
    'user.location.coarse',
    ['Approximate location', 'A rough location, such as a neighbourhood or city, accurate to more than 500 metres.'],
    ['Localização aproximada', 'Localização aproximada, como bairro ou cidade, com margem de mais de 500 metros.'],
    ['الموقع التقريبي', 'موقع تقريبي كالحي أو المدينة، بهامش يزيد على 500 متر.'],
  ],
  [
    'user.location.precise',
    ['Exact location', 'A precise location, such as a shared map pin, accurate to within 500 metres.'],
    ['Localização exata', 'Localização precisa, como um ponto compartilhado no mapa, com margem de até 500 metros.'],
    ['الموقع الدقيق', 'موقع دقيق، مثل موقع مُرسَل على الخريطة، بهامش لا يتجاوز 500 متر.'],
  ],

  // user.device
  [
    'user.device',
    ['Device information', 'Details about the phone or computer a person uses and its settings.'],
    ['Dados do dispositivo', 'Informações sobre o celular ou computador que a pessoa usa e suas configurações.'],
    ['بيانات الجهاز', 'معلومات عن الهاتف أو الحاسوب الذي يستخدمه الشخص وإعداداته.'],
  ],
  [
    'user.device.cookie',
    ['Cookies', 'Small pieces of data about a person stored in their browser.'],
    ['Cookies', 'Pequenos dados sobre a pessoa guardados no navegador dela.'],
    ['ملفات تعريف الارتباط', 'بيانات صغيرة عن الشخص تُحفظ في متصفحه.'],
  ],
  [
    'user.device.cookie_id',
    ['Cookie ID', 'A unique code kept in a cookie that recognises the same browser when it comes back.'],
    ['Identificador de cookie', 'Código único guardado em um cookie que reconhece o mesmo navegador quando ele volta.'],
    ['معرّف ملف الارتباط', 'رمز فريد يُحفظ في ملف الارتباط للتعرّف على المتصفح نفسه عند عودته.'],
  ],
  [
    'user.device.device_id',
    ['Device ID', 'A unique code that identifies a specific phone, tablet or computer.'],
    ['Identificador do dispositivo', 'Código único que identifica um celular, tablet ou computador específico.'],
    ['معرّف الجهاز', 'رمز فريد يحدّد هاتفًا أو جهازًا لوحيًا أو حاسوبًا بعينه.'],
  ],
  [
    'user.device.ip_address',
    ['IP address', 'The internet address a device connects from, which can reveal a rough location.'],
    [
      'Endereço IP',
      'O endereço de internet de onde o dispositivo se conecta, que pode revelar a localização aproximada.',
    ],
    ['عنوان IP', 'عنوان الإنترنت الذي يتصل منه الجهاز، وقد يكشف موقعه التقريبي.'],
  ],
  [
    'user.device.sensor',
    ['Device sensor data', "Readings from a device's sensors, such as motion, light or temperature."],
    ['Dados de sensores do dispositivo', 'Leituras dos sensores do aparelho, como movimento, luz ou temperatura.'],
    ['بيانات مستشعرات الجهاز', 'قراءات مستشعرات الجهاز، مثل الحركة أو الضوء أو الحرارة.'],
  ],
  [
    'user.device.telemetry',
    ['Usage measurements', 'Technical measurements of how a person uses a device or app, linked to that person.'],
    ['Telemetria de uso', 'Medições técnicas de como a pessoa usa um aparelho ou aplicativo, ligadas a ela.'],
    ['قياسات الاستخدام', 'قياسات تقنية لطريقة استخدام الشخص للجهاز أو التطبيق، مرتبطة به.'],
  ],

  // user.payment
  [
    'user.payment',
    ['Payment details', 'Information used to pay or be paid, such as a card number or a payment receipt.'],
    ['Dados de pagamento', 'Informações usadas para pagar ou receber, como cartão, chave Pix ou comprovante.'],
    ['بيانات الدفع', 'معلومات تُستخدم للدفع أو لاستلام المال، مثل رقم البطاقة أو إيصال الدفع.'],
  ],

  // user.social_activity
  [
    'user.social_activity',
    ['Social activity', 'How a person interacts with others, such as likes, follows, shares or contacts.'],
    [
      'Atividade social',
      'Como a pessoa interage com outras, como curtidas, seguidores, compartilhamentos ou contatos.',
    ],
    ['النشاط الاجتماعي', 'تفاعلات الشخص مع الآخرين، مثل الإعجابات والمتابعات والمشاركات وجهات الاتصال.'],
  ],

  // user.settings
  [
    'user.settings',
    ['Settings', 'Choices a person has made about how a service works for them, such as notifications or theme.'],
    ['Configurações', 'Escolhas da pessoa sobre como o serviço funciona para ela, como notificações ou tema.'],
    ['الإعدادات', 'اختيارات الشخص لطريقة عمل الخدمة له، مثل الإشعارات أو المظهر.'],
  ],

  // user.unique_id
  [
    'user.unique_id',
    ['User ID', 'A code or number a system gives a person so it can recognise them.'],
    ['Identificador do usuário', 'Código ou número que um sistema atribui à pessoa para reconhecê-la.'],
    ['معرّف المستخدم', 'رمز أو رقم يخصّصه النظام للشخص ليتعرّف عليه.'],
  ],
  [
    'user.unique_id.deterministic',
    [
      'Derived ID',
      "An ID worked out the same way every time from a person's details, such as a code made from their email.",
    ],
    [
      'Identificador derivado',
      'Identificador calculado sempre do mesmo jeito a partir dos dados da pessoa, como um código gerado do e-mail dela.',
    ],
    ['معرّف مشتق', 'معرّف يُحسب بالطريقة نفسها في كل مرة من بيانات الشخص، مثل رمز مولَّد من بريده الإلكتروني.'],
  ],
  [
    'user.unique_id.probablistic',
    ['Estimated ID', 'An ID that guesses who a person is by combining details about them or their device.'],
    ['Identificador estimado', 'Identificador que estima quem é a pessoa combinando dados dela ou do aparelho.'],
    ['معرّف تقديري', 'معرّف يخمّن هوية الشخص بالجمع بين بيانات عنه أو عن جهازه.'],
  ],

  // user.financial
  [
    'user.financial',
    ['Financial information', 'Money matters such as bank accounts, cards, income or payment history.'],
    ['Dados financeiros', 'Assuntos de dinheiro, como contas bancárias, cartões, renda ou histórico de pagamentos.'],
    ['البيانات المالية', 'كل ما يتعلق بالمال، مثل الحسابات البنكية والبطاقات والدخل وسجل المدفوعات.'],
  ],
  [
    'user.financial.bank_account',
    ['Bank account', "A person's bank, account number, IBAN or similar bank account details."],
    ['Conta bancária', 'Banco, agência, número da conta ou dados parecidos da conta da pessoa.'],
    ['الحساب البنكي', 'اسم البنك ورقم الحساب أو الآيبان وغيرها من تفاصيل حساب الشخص البنكي.'],
  ],
  [
    'user.financial.credit_card',
    ['Card details', 'A credit or debit card number, expiry date or security code.'],
    ['Dados do cartão', 'Número, validade ou código de segurança de cartão de crédito ou débito.'],
    ['بيانات البطاقة', 'رقم بطاقة الائتمان أو الخصم أو تاريخ انتهائها أو رمز الأمان.'],
  ],

  // user.government_id
  [
    'user.government_id',
    ['Official ID', 'Numbers and documents issued by a government to identify a person.'],
    ['Documentos oficiais', 'Números e documentos emitidos pelo governo para identificar a pessoa, como CPF ou RG.'],
    ['الهوية الرسمية', 'أرقام ووثائق تصدرها الجهات الحكومية لتعريف الشخص، مثل الهوية الوطنية أو الإقامة.'],
  ],
  [
    'user.government_id.birth_certificate',
    ['Birth certificate', 'An official birth record or its registration number.'],
    ['Certidão de nascimento', 'O registro oficial de nascimento ou o número da certidão.'],
    ['شهادة الميلاد', 'وثيقة الميلاد الرسمية أو رقم تسجيلها.'],
  ],
  [
    'user.government_id.drivers_license_number',
    ["Driver's licence", 'A driving licence number or a copy of the licence.'],
    ['Carteira de motorista (CNH)', 'Número da carteira de motorista ou cópia do documento.'],
    ['رخصة القيادة', 'رقم رخصة القيادة أو صورة منها.'],
  ],
  [
    'user.government_id.immigration',
    ['Immigration documents', 'Visa, residence permit or other immigration document numbers.'],
    ['Documentos migratórios', 'Número de visto, autorização de residência ou outros documentos migratórios.'],
    ['وثائق الإقامة والتأشيرات', 'أرقام التأشيرة أو تصريح الإقامة أو غيرها من وثائق الهجرة.'],
  ],
  [
    'user.government_id.national_identification_number',
    ['National ID number', "A national identity number, such as Brazil's CPF or a Saudi national ID or Iqama number."],
    ['Número de identificação nacional', 'Número de documento de identidade nacional, como CPF ou RG.'],
    ['رقم الهوية الوطنية', 'رقم الهوية الوطنية أو رقم الإقامة أو ما يماثلهما في الدول الأخرى.'],
  ],
  [
    'user.government_id.passport_number',
    ['Passport', 'A passport number or passport details.'],
    ['Passaporte', 'Número ou dados do passaporte.'],
    ['جواز السفر', 'رقم جواز السفر أو بياناته.'],
  ],
  [
    'user.government_id.vehicle_registration',
    ['Vehicle registration', 'A number plate or vehicle registration number.'],
    ['Placa e registro do veículo', 'Placa ou número de registro (Renavam) do veículo.'],
    ['لوحة المركبة وتسجيلها', 'رقم لوحة المركبة أو رقم تسجيلها (الاستمارة).'],
  ],

  // user.health
  [
    'user.health',
    ['Health information', "Anything about a person's physical or mental health or their medical care."],
    ['Dados de saúde', 'Qualquer informação sobre a saúde física ou mental da pessoa ou sobre seus cuidados médicos.'],
    ['البيانات الصحية', 'أي معلومة عن صحة الشخص الجسدية أو النفسية أو عن رعايته الطبية.'],
  ],
  [
    'user.health.genetic',
    ['Genetic data', "DNA test results or other information about a person's genes."],
    ['Dados genéticos', 'Resultados de exame de DNA ou outras informações sobre os genes da pessoa.'],
    ['البيانات الجينية', 'نتائج فحص الحمض النووي أو غيرها من المعلومات عن جينات الشخص.'],
  ],
  [
    'user.health.insurance_beneficiary_id',
    ['Health insurance number', "The member number on a person's health insurance card."],
    ['Carteirinha do plano de saúde', 'O número de beneficiário do plano ou seguro de saúde da pessoa.'],
    ['رقم التأمين الصحي', 'رقم العضوية في بطاقة التأمين الصحي للشخص.'],
  ],
  [
    'user.health.record_id',
    ['Medical record number', "The number a clinic or hospital uses for a patient's file."],
    ['Número do prontuário', 'O número que a clínica ou o hospital usa para o prontuário do paciente.'],
    ['رقم الملف الطبي', 'الرقم الذي تستخدمه العيادة أو المستشفى لملف المريض.'],
  ],
  [
    'user.health.baby_formula',
    ['Baby formula', "The baby formula someone buys or uses, which can reveal a pregnancy or a baby's health."],
    [
      'Fórmula infantil',
      'A fórmula infantil que a pessoa compra ou usa, o que pode revelar uma gravidez ou a saúde do bebê.',
    ],
    ['حليب الأطفال الصناعي', 'حليب الأطفال الذي يشتريه الشخص أو يستخدمه، وقد يكشف عن حمل أو عن صحة الرضيع.'],
  ],
  [
    'user.health.condition',
    ['Health condition', 'An illness, disability or ongoing health condition a person has.'],
    ['Condição de saúde', 'Doença, deficiência ou condição de saúde que a pessoa tem.'],
    ['الحالة الصحية', 'مرض أو إعاقة أو حالة صحية مستمرة لدى الشخص.'],
  ],
  [
    'user.health.maternity_clothing',
    ['Maternity clothing', 'Buying or looking at maternity clothes, which can reveal a pregnancy.'],
    ['Roupas de gestante', 'Compras ou interesse em roupas de gestante, o que pode revelar uma gravidez.'],
    ['ملابس الحمل', 'شراء ملابس الحمل أو الاهتمام بها، مما قد يكشف عن حمل.'],
  ],
  [
    'user.health.medical_diagnosis',
    ['Diagnosis', 'A diagnosis given by a doctor or another health professional.'],
    ['Diagnóstico', 'Diagnóstico feito por médico ou outro profissional de saúde.'],
    ['التشخيص الطبي', 'تشخيص يقدّمه طبيب أو مختص صحي آخر.'],
  ],
  [
    'user.health.medications',
    ['Medications', 'Medicines a person takes or has taken.'],
    ['Medicamentos', 'Remédios que a pessoa toma ou já tomou.'],
    ['الأدوية', 'الأدوية التي يتناولها الشخص أو تناولها سابقًا.'],
  ],
  [
    'user.health.prescriptions',
    ['Prescriptions', 'Prescriptions written for a person, including medicine names and doses.'],
    ['Receitas médicas', 'Receitas emitidas para a pessoa, com nomes e doses dos remédios.'],
    ['الوصفات الطبية', 'الوصفات الطبية الصادرة للشخص، بما فيها أسماء الأدوية وجرعاتها.'],
  ],
  [
    'user.health.reproductive_or_sexual',
    ['Sexual and reproductive health', 'Information about pregnancy, fertility, contraception or sexual health.'],
    ['Saúde sexual e reprodutiva', 'Informações sobre gravidez, fertilidade, métodos contraceptivos ou saúde sexual.'],
    ['الصحة الجنسية والإنجابية', 'معلومات عن الحمل أو الخصوبة أو وسائل منع الحمل أو الصحة الجنسية.'],
  ],
  [
    'user.health.social_psychological_behavioral',
    [
      'Mental and emotional health',
      "Information about a person's mental health, emotions, addictions or social wellbeing.",
    ],
    [
      'Saúde mental e emocional',
      'Informações sobre saúde mental, emoções, dependências ou bem-estar social da pessoa.',
    ],
    ['الصحة النفسية والسلوكية', 'معلومات عن الصحة النفسية للشخص أو مشاعره أو حالات الإدمان أو حالته الاجتماعية.'],
  ],
  [
    'user.health.symptons', // sic: fideslang spells this key "symptons"
    ['Symptoms', 'Symptoms a person reports or shows, such as pain, fever or a cough.'],
    ['Sintomas', 'Sintomas que a pessoa relata ou apresenta, como dor, febre ou tosse.'],
    ['الأعراض', 'الأعراض التي يذكرها الشخص أو تظهر عليه، مثل الألم أو الحمى أو السعال.'],
  ],
  [
    'user.health.treatment',
    ['Treatment', 'Care a person receives or has received, such as procedures, therapy or surgery.'],
    ['Tratamento', 'Cuidados que a pessoa recebe ou já recebeu, como procedimentos, terapias ou cirurgias.'],
    ['العلاج', 'الرعاية التي يتلقاها الشخص أو تلقّاها، مثل الإجراءات الطبية أو جلسات العلاج أو الجراحة.'],
  ],

  // user.name
  [
    'user.name',
    ['Name', "A person's real name."],
    ['Nome', 'O nome real da pessoa.'],
    ['الاسم', 'الاسم الحقيقي للشخص.'],
  ],
  [
    'user.name.first',
    ['First name', "A person's first or given name."],
    ['Primeiro nome', 'O primeiro nome da pessoa.'],
    ['الاسم الأول', 'الاسم الأول للشخص.'],
  ],
  [
    'user.name.last',
    ['Last name', "A person's surname or family name."],
    ['Sobrenome', 'O sobrenome da pessoa.'],
    ['اسم العائلة', 'اسم عائلة الشخص أو لقبه.'],
  ],

  // user.criminal_history, user.privacy_preferences
  [
    'user.criminal_history',
    ['Criminal record', "Information about a person's criminal convictions, offences or police records."],
    ['Antecedentes criminais', 'Informações sobre condenações, infrações ou registros policiais da pessoa.'],
    ['السوابق الجنائية', 'معلومات عن الأحكام الجنائية أو المخالفات أو السجلات الأمنية للشخص.'],
  ],
  [
    'user.privacy_preferences',
    [
      'Privacy choices',
      'What a person has agreed to or refused, such as consent to messages or to the use of their data.',
    ],
    [
      'Escolhas de privacidade',
      'O que a pessoa aceitou ou recusou, como o consentimento para mensagens ou para o uso de dados.',
    ],
    ['تفضيلات الخصوصية', 'ما وافق عليه الشخص أو رفضه، مثل الموافقة على تلقي الرسائل أو على استخدام بياناته.'],
  ],

  // user.professional_information
  [
    'user.professional_information',
    ['Work information', "Details about a person's job and employer."],
    ['Dados profissionais', 'Informações sobre o trabalho e o empregador da pessoa.'],
    ['البيانات المهنية', 'معلومات عن وظيفة الشخص وجهة عمله.'],
  ],
  [
    'user.professional_information.job_title',
    ['Job title', "A person's job title or position."],
    ['Cargo', 'O cargo ou a função da pessoa.'],
    ['المسمى الوظيفي', 'المسمى الوظيفي للشخص أو منصبه.'],
  ],
  [
    'user.professional_information.workplace',
    ['Workplace', 'The company or organisation a person works for.'],
    ['Local de trabalho', 'A empresa ou organização onde a pessoa trabalha.'],
    ['جهة العمل', 'الشركة أو المؤسسة التي يعمل فيها الشخص.'],
  ],

  // system
  [
    'system',
    ['System data', 'Data that belongs to and is controlled by the system itself rather than being about a person.'],
    ['Dados do sistema', 'Dados do próprio sistema e controlados por ele, que não dizem respeito a uma pessoa.'],
    ['بيانات النظام', 'بيانات تخصّ النظام نفسه ويتحكم بها، ولا تتعلق بشخص بعينه.'],
  ],
  [
    'system.authentication',
    ['System access keys', 'Keys, tokens and passwords the system uses to control who can get in.'],
    ['Chaves de acesso do sistema', 'Chaves, tokens e senhas que o sistema usa para controlar quem pode entrar.'],
    ['مفاتيح وصول النظام', 'المفاتيح والرموز وكلمات المرور التي يستخدمها النظام للتحكم في من يمكنه الدخول.'],
  ],
  [
    'system.operations',
    ['Operational data', 'Technical data the system needs to run, such as logs and configuration.'],
    ['Dados operacionais', 'Dados técnicos de que o sistema precisa para funcionar, como registros e configurações.'],
    ['بيانات التشغيل', 'بيانات تقنية يحتاجها النظام ليعمل، مثل السجلات والإعدادات.'],
  ],
];

/**
 * Older keys and their current replacement. Keys deprecated in fideslang 3.2.0 follow
 * `replaced_by`; fideslang 1.x keys follow the 2.0 rename and then the 3.2.0 one.
 */
export const categoryAliases: Readonly<Record<string, string>> = Object.freeze({
  // Deprecated in fideslang 3.2.0 (replaced_by)
  'user.account.settings': 'user.settings',
  'user.authorization.biometric': 'user.authorization.biometrics',
  'user.biometric': 'user.biometrics',
  'user.biometric.fingerprint': 'user.biometrics.fingerprint',
  'user.biometric.retinal': 'user.biometrics.retinal',
  'user.biometric.voice': 'user.biometrics.voice',
  'user.childrens': 'user.children',
  'user.contact.url': 'user.contact.social_url',
  'user.health_and_medical': 'user.health',
  'user.health_and_medical.genetic': 'user.health.genetic',
  'user.health_and_medical.insurance_beneficiary_id': 'user.health.insurance_beneficiary_id',
  'user.health_and_medical.record_id': 'user.health.record_id',
  'user.job_title': 'user.professional_information.job_title',
  'user.location.imprecise': 'user.location.coarse',
  'user.sensor': 'user.device.sensor',
  'user.social': 'user.social_activity',
  'user.telemetry': 'user.device.telemetry',
  'user.workplace': 'user.professional_information.workplace',
  // Merged in fideslang 3.2.0 (replaced_by points at the parent or a sibling)
  'user.biometric.health': 'user.biometrics',
  'user.contact.organization': 'user.contact',
  'user.unique_id.pseudonymous': 'user.unique_id',
  'user.user_sensor': 'user.device.sensor',
  // fideslang 1.x keys renamed in 2.0, chained to their 3.2 key
  'user.browsing_history': 'user.behavior.browsing_history',
  'user.credentials': 'user.authorization.credentials',
  'user.date_of_birth': 'user.demographic.date_of_birth',
  'user.financial.account_number': 'user.financial.bank_account',
  'user.gender': 'user.demographic.gender',
  'user.genetic': 'user.health.genetic',
  'user.media_consumption': 'user.behavior.media_consumption',
  'user.non_specific_age': 'user.demographic.age_range',
  'user.observed': 'user.behavior',
  'user.organization': 'user.contact',
  'user.political_opinion': 'user.demographic.political_opinion',
  'user.profiling': 'user.demographic.profile',
  'user.race': 'user.demographic.race_ethnicity',
  'user.religious_belief': 'user.demographic.religious_belief',
  'user.search_history': 'user.behavior.search_history',
  'user.sexual_orientation': 'user.demographic.sexual_orientation',
});
