namespace MmluSharp.Datasets.Download;

/// <summary>
/// The SHA-256 of every file of the pinned GitHub sources, in <c>sha256sum</c> format (paths relative to the
/// source's base URL). They are the hashes of the byte-identical copies staged in <c>shared/datasets</c>, which were
/// taken from the git objects of exactly these commits (see <c>shared/datasets/SOURCES.md</c>).
/// </summary>
internal static class KnownHashes
{
    /// <summary><c>haonan-li/CMMLU</c> @ d6e7b716, <c>data/</c>: 67 subjects × dev, test.</summary>
    public const string Cmmlu = """
        17d0d80683455a4a12259b8c653c951af4ad4cd32ac23615908e9a9e509bb48c  dev/agronomy.csv
        5e2d407357f3ad71d267d615ebdf0dba2ff720548cf504f87026c8e15990d82e  dev/anatomy.csv
        646d4a02d4998f176c111091e5fc23d12ce457ffbd8d2b500d33df06421a2231  dev/ancient_chinese.csv
        1604b536191d75d73d944f51f191f97192f94a00c61f8c3c3464c1ac85c40f0b  dev/arts.csv
        9e06297324a977a33ac1e293fce080ee57184e5bca56b179492474ec80787612  dev/astronomy.csv
        aefc81ada3ae18bfbe1e64f40b34274ad1349013d64dc5b43c3c8d99c385c6f0  dev/business_ethics.csv
        ff8903a93de0cb9951e815afd581d4a98bb004725ae4f85b69721a96d5eb727f  dev/chinese_civil_service_exam.csv
        b5f88cf888f44d1136dbb68d671c932198bac944da0d16a947019b7c21cbd28e  dev/chinese_driving_rule.csv
        7c8fe26eac8b77014c93c555023f5f2707a49194f7c9748b55cf33aea4f1ab3b  dev/chinese_food_culture.csv
        bb1759fd0a009035765af90696c0411234bbe261e19d990add8e796325839d54  dev/chinese_foreign_policy.csv
        b2e1e6ca053566e1879fa0b62b2b71b2248026ed2ae5306a789c0fff2f101173  dev/chinese_history.csv
        b908688b20bd7a293e92580d39f9c63857d9b7b1c7366cb7d7beab7d2fa2a634  dev/chinese_literature.csv
        57e5fa732de23068e3ee709841cb15f695ff425a5501b82c732c08ab33a41e60  dev/chinese_teacher_qualification.csv
        7197883c51ee9f42fd89372d6dcae809adcdef37e89718640fb1356abfeca540  dev/clinical_knowledge.csv
        6fa08c27516db844de123f6f1db88706e608bc37be1eb3e76993965a7d4841bb  dev/college_actuarial_science.csv
        5e2d9e9ebbf68eca7bc1de64a3be4cb6aa56e4e13ae34eadd7144f0303ae1d36  dev/college_education.csv
        a52db1525a3d79984680838c01a33f73a65f1d913c983c87936e59d5237c9e81  dev/college_engineering_hydrology.csv
        7515682cb500b4aac53ba405124872785077437180f8350bb6d4d4d3864bda8f  dev/college_law.csv
        68831d82cc5df956856692968b96264dbf37cb9070b63cb55fe8164256be3d73  dev/college_mathematics.csv
        d9f01a0d1f1776789d39a205a72f2949a9c1127ac159acb5e785aad33567e770  dev/college_medical_statistics.csv
        9f54c3fc7e9fab4e1583afb6be85f21e9b8b83a2bcbaff336df68e2d4296ee04  dev/college_medicine.csv
        73d4e0b6280067ded704dbe3ff41c0e8e7d2c966479a000d828d9f5a15feedd0  dev/computer_science.csv
        9f9e202bc3de749dbbdfa749edf4bbab1b3c2e8cbb589636e1f6a367ee457a02  dev/computer_security.csv
        95c0665f0ad2882c00d9d02bc847de17759b39b523a01f2e22d4f1f9f5192c3f  dev/conceptual_physics.csv
        2ec78148e982c006e8653e89e40cadcc191d25f09e4aedc1285db56ea0876ae4  dev/construction_project_management.csv
        c684acb94918c969882a0d94724450f329bea27da835a29d3f26515f0d82af8c  dev/economics.csv
        a4b1c264f65941fe7873dd449db717c582ea0b533b442a92ea6599f65cbac6a2  dev/education.csv
        4ba5c1ead9783af3f72ac6a03ba6d166e7496f6e43a18c51f39b64154977dd9d  dev/electrical_engineering.csv
        d8cbcc1db6360d47af57bc049fed0f274c52079881085c95213960d52bc06e69  dev/elementary_chinese.csv
        bc9f130062e73b49cda3252c91fc219d4b2928e292209d29c9637055b7f01740  dev/elementary_commonsense.csv
        4bbef6a470e53e2138ecbe4ead689954ad64e1e1c4a2603b02747ffd02c33f07  dev/elementary_information_and_technology.csv
        4c11ad0ba61c22d50fd2807548e5f7b48d8989e697e7a5c8a50b47dd5eae4922  dev/elementary_mathematics.csv
        e79415bda0d57799c0050c8649fa1aee495f5799a7857dc20aee01e0f2eb6fc2  dev/ethnology.csv
        f15d58e9fdce979b25b43316aab1ca99a49abc26e8792367485b093d1c9bc2c4  dev/food_science.csv
        cca416a0efc91c77af33cb0e9674853e1ff31b2573d09f94b1b9b36e1bbae2b9  dev/genetics.csv
        d421df9caab568af80d2e3a7fb5e0e8efaf15a2a037ab9e2aea19bfd90eb39a6  dev/global_facts.csv
        1c6ff5688fd7550eea4a2051183db1a1d0bf80166e60300e131b0b2420e31fcd  dev/high_school_biology.csv
        59a99f3bb1d8b16b9f8837000197c7ed94fbe0fe746b64af16920ce50ce9604a  dev/high_school_chemistry.csv
        0d62a6e09046a322ca3b976f98dac700e7efd17bb442f585a93b3571cef3bb71  dev/high_school_geography.csv
        7175e27a845260f0c97088c7dbcf4a571d46e617d6c0378aa45ac219119ab473  dev/high_school_mathematics.csv
        b0b6cf2222e11c18ca40f95606d75617092671ccb55cd34851137c111922eef2  dev/high_school_physics.csv
        767e7a0c8cc2ef19041d70fba89cc5f59ccc7167d6f732f3cd4e6bbf3f32b734  dev/high_school_politics.csv
        021b36054f6119c8cda64a5bac4d311e4254d18142bd084f0522eb6c4a45f087  dev/human_sexuality.csv
        372776bc2e9a6e971ee34e1cc1297745dcffe80244cd3a0364159b47ac3fdbcd  dev/international_law.csv
        4c77bd61ce1db07166cec95edc4713a0cc9a72807e08b71694c62baa85f34f7d  dev/journalism.csv
        ae555827e729451197419f336fa77fcf9d47cce4e76fcd16d425102ce53da17f  dev/jurisprudence.csv
        3f7ba972a0ad19f590873ff7fd12cb0100d022fd6a7833af4f1180f35a0e21fd  dev/legal_and_moral_basis.csv
        d09aa9ccaa15b6d673e5c93a4a2bc26d5bb07b8004012f322c7f714f6afcf82f  dev/logical.csv
        a000c451322ef32c8102b3ec6376cdbcfd5633745d4714ecbfc1bfe61c1d2793  dev/machine_learning.csv
        2d92db04dd1cd6f17d6bcf2fb2c3f085618a8660ad45569e2f1a5cc8563439ff  dev/management.csv
        ac61a5f64bb8389adf19fb603877be672114c5c06f04a26125bb76877913f6d0  dev/marketing.csv
        7ea29b9820c9804c11d0ff982a1c6cffeb1dce0a3efcb6568c34f1a389d923d1  dev/marxist_theory.csv
        d1cad007847eb75750063c148b0f44abdd4493b567e90c9bb61cf655373228cc  dev/modern_chinese.csv
        8b318b013c5e17074c7efdf11d67a2f7fd55f1ae457bf77c48d110f6e4ee3f6e  dev/nutrition.csv
        ce8cab700cef6bfaff2d73b80ebba477527ccc7a1d585ca3a032e214f571dff1  dev/philosophy.csv
        5b2efd1586fff58119a82a525ef0985ad16b7372ca449c61f6037cd9273e5bb5  dev/professional_accounting.csv
        688bc4646c9250008f79e0563b411a460a7ac103f584d49974c3bf06dd51b0ff  dev/professional_law.csv
        371291e6848a9857a3dbad1869126d9ce774d7d6c3fe9b3c9200c9e9d1ebd444  dev/professional_medicine.csv
        f2fb45c2ee934027f2e2cdc88c4e03e084d3d55ceae2c3163575be51545d321c  dev/professional_psychology.csv
        b60523a275d074bd750ff8c3d41fa36738fe1b5fcdf71340818bd0d632debd99  dev/public_relations.csv
        a9b3f940a470feb546cbf76c3dc34fe56d2dc1bbaf82d7dc82182a1720672549  dev/security_study.csv
        74b0e4cd4586b2e6e20e6b7a0a87a4991a5685d3cdf6a5e5b57d53a094f4beae  dev/sociology.csv
        94f3aa68cbde254db0707a3627153b4200b9efb752b1d8168e246fbf8d391c72  dev/sports_science.csv
        345875ca92e284db9a55cb697fdccce270efdd588d7f60d9276a125ea6ed366d  dev/traditional_chinese_medicine.csv
        049ffecfb092b2a6d3299e67737c3a0c468a2e21968adaabb29771e4d2f3197c  dev/virology.csv
        1f9172bdf584bf9157e04c04d20887133331ae378fce5d9a2a6a7c3b403b66e5  dev/world_history.csv
        5626706525abd57b0122b9b3ffbf64730198205343678704e31b00eb2b262817  dev/world_religions.csv
        df621d68ea7a6d9adca9c3e98f902cbb5f193a51d7f1c4c4ae2f242fd23961d5  test/agronomy.csv
        b0488d7a394473ba9f3d6ba92a4a88f9c5b7738bc812b8aaea057218c9cf909c  test/anatomy.csv
        0668734669ce0bd646a21e71050e8821c0526cbf0d1707cc707f3d63a7e59883  test/ancient_chinese.csv
        e7695e56891cbf9f67163067791c5a2ab107be65702a61c7f30da01590fac3f1  test/arts.csv
        e35a393d61a91860c1b120bba75824857aeab01c23d7ff9ed19505a11a949e39  test/astronomy.csv
        86cf9918c75f73b084faebea7dd0866bd6e95950a27ca874501303703f986953  test/business_ethics.csv
        735d0ce6e82254d93aa8efe0c44aec8563e652b80b4fe00601383a28ccc56474  test/chinese_civil_service_exam.csv
        e12e4a67bf7fb90f8d278c90d8f06abf8abfd138ec4388a4bb7feed266c9c1ac  test/chinese_driving_rule.csv
        5e39a97b05f604bb7ba66f5362aa373c0898288e8a3548a1277a5a6a923ff042  test/chinese_food_culture.csv
        f44422c71ad74908a7530e45a502c61d49cc3a1fc8c34968bd45922375f7e345  test/chinese_foreign_policy.csv
        1f7b977f5e3ff67eb5a910c3adce74c725fccb7ab286ef97e266eeffbbc51644  test/chinese_history.csv
        6214c6e48a22c8e9960cd1653e3720125d68d3035ef7d1c390c9e6d1eaa8c34c  test/chinese_literature.csv
        eb3425ee8d80f14f23766810fddcad2fa6eda19f27f34fe21d21c6c8a0f2c656  test/chinese_teacher_qualification.csv
        f203dff6c9ae45611ba380f2a60453c2d1440303e9d3304c8cb42c1886edd49c  test/clinical_knowledge.csv
        85a044386c41215e6005f668328b85bf245a2ace6d2a6258a84b91031c91f3c2  test/college_actuarial_science.csv
        cd13856f5ef865059a47b2f2693f85be227b07cce1c48acb516e9d4c0128f20f  test/college_education.csv
        94726a0c4d647aae3e32ef574ececcdbc92afd303b9c11fd0f27db5e13168c2a  test/college_engineering_hydrology.csv
        cb9a57f6a59d66ee6d9206585c9c4bcca95ae30a8299550b2901cf7ecb506a60  test/college_law.csv
        480e71728c8d5e70cecfab238ae1e5c31e425d0d9d109ee6822ea6c563d3ddea  test/college_mathematics.csv
        cf738c68e6e6b20ae674d6b440a4cc1bad865e7145355f822ea60a67ccc13dbb  test/college_medical_statistics.csv
        aa24898b813f7c9567e8ed4cda70ddc79082630bb6bc00939018d65b1de70988  test/college_medicine.csv
        5a0ba2cf68147a330ac37a34cf4c68bd4590d9f5dd7e5ea5eee7b49fbe9ded6b  test/computer_science.csv
        107fd397ddbd280ad899a4ccdc87900fe5b0786007783d26a087e2af5e1b71ba  test/computer_security.csv
        600baefcb8a636fe3a4997dbf9000807dc9e45d7f2d10eac1d180084ed02bdc6  test/conceptual_physics.csv
        82da4f3a01e23b77e718f17f5bebe6b74fccea3b1f8827fd32d1d5739a6a191f  test/construction_project_management.csv
        58509422d04afc4c0e3cc0fe7fac73f3e49066a4539252fe509d288672b3f25a  test/economics.csv
        c66b832678d1c59b21230cbd9145de73d42d27089e9d1604314f3b147fb692e4  test/education.csv
        21331d07dbe8eee97bab374b7e722dfbbbbb38d3ca27061d7f92acd7abf10efe  test/electrical_engineering.csv
        6b01b98f8e5d9423095adfef329974e3b1f48a02bd7e92d202d7c46912bbb798  test/elementary_chinese.csv
        ebe564f23db3bb74b7a52bcf06f5eabc4a5ba649c7c50261385c431999af6e11  test/elementary_commonsense.csv
        d1de41bed87ceaab723808c79a283290231df843b77e6daf3f16de674ae88cd0  test/elementary_information_and_technology.csv
        53ec0f72b779347388a515f15a8f6bf77da0954574664c4b866dd78e4fdd06bc  test/elementary_mathematics.csv
        4d43d06de785147a41ab52e560d049ac6cfee0a3ab7d0a75b38b281ca7d8cb0a  test/ethnology.csv
        d7723214b9fc9ee0044436540e12917ab7a9b704bc6c3c325d155c430ce37c24  test/food_science.csv
        54988038f3ac9e07a337411d393315429e92ae97b76fab24ebcda0c0c65ecc78  test/genetics.csv
        e74b95a28ee8df13fbeafa836c8d4054b1ffd4a0e94e201e192bb3cb1d11889a  test/global_facts.csv
        9755be53e6a5719d5249db95b0af9f47b9ef1d7795b7d1a2a69dc45bd98edb8d  test/high_school_biology.csv
        638f437fc0e0c6216db2f03ba07f7636cc82e4111b47f48fc68e2e9ecf39777c  test/high_school_chemistry.csv
        7d557bd8b01e2f73e543f3ba7220df31f77c2233b4c10ad651a8368f07008a83  test/high_school_geography.csv
        8fa2fd48768defe7473e1b13f3d3864f792ae99a153f1eb6fea8b4d2842f021d  test/high_school_mathematics.csv
        c21a1c6725d2933f0ebd52e1b300a9bb7d49e37097fbe58ad8c256da82bf5b91  test/high_school_physics.csv
        8a24336a0a00fc49d1b88b8a61d0b3e65e3a10cbbd614d2aee49fea31f703cfd  test/high_school_politics.csv
        1aea3017ffbfa6a1ca2e89f51a11f63990280baa552176a1845024fb0cced68c  test/human_sexuality.csv
        8680d07f0d703793dcc71e9b01b6bdcee765a89474dc5a0a4f2d4b8010799f7a  test/international_law.csv
        1550a3492c86f639327e051c2de511b884d1128a648458e5aacbd936607b5b62  test/journalism.csv
        8806f36a6b91781bfb3ab71f926876bd3b577d9ca7893ce85356334fd2a37df9  test/jurisprudence.csv
        bb17449ec248520f42dcd239f776c7a9487f8061265d142ac0ff8cf10a3a6ee0  test/legal_and_moral_basis.csv
        8c0434d1b536268e35b153646a8c478e5fed258cfaf91b3196f496097957bfde  test/logical.csv
        d709ba631b927cb5694b16c74fe82668f47a8634c367844ebea3eb12a6e97cff  test/machine_learning.csv
        a02852d014a196db44b5e20a888d24e10fb37fc1eb9c0f2bbd3e19cb44d30415  test/management.csv
        32973150ea13549439ef453d0e72df44bcee00965714919f485c43a1be2a4548  test/marketing.csv
        014f1e0fad946d722ce1ee0156dbee66745f60da22a6291462401683f7455786  test/marxist_theory.csv
        c9a88c2819f49498f33db858713e4e8dfcda626f2c593aa4985949333c3914f7  test/modern_chinese.csv
        7e407acf9be29fcad7e73796bfec196af3c3c16d48f44eb82332a887eb097941  test/nutrition.csv
        d921532efb00a7e8c63ce78c99ce62bd623e7eff74665682a161792863975aef  test/philosophy.csv
        109f4d0885450b6544e0da1ddeb3f86e60151c872df29f7cadf4a1dfb521d306  test/professional_accounting.csv
        07a492026b8c12d04932b09bbe42e14bd00ec95b51219522b662e38d795f405a  test/professional_law.csv
        c662d2b70f0b5d4082172c3c7554d249635056705f5da9b506d6dfd442c2e9ec  test/professional_medicine.csv
        e9f45c2a238c6e2323cbebfc42836668dc9a27df4d2a8611f33b6216f8cf5542  test/professional_psychology.csv
        9ae5d1b049fd223853f738913112eb5bd52a56429932e8d9ded3450980c29dda  test/public_relations.csv
        a352cbd0c01be8d0b3f1c4fbada2d4f313ae5eab4a0960b660e31d2c70b7648f  test/security_study.csv
        ce70f1a1cef9eb50a549ab3a204b63130fb6da1ac5e4e8ff9915ee941b946fdf  test/sociology.csv
        de1cb02fbc963e07caf0f49376fc3a5d3a1cce5471ba3b063c4391db2320a8c1  test/sports_science.csv
        dfbb4f311649576bb20e165cfdff0d1d5633d64e156eaa5bb57373d491418b16  test/traditional_chinese_medicine.csv
        ac411d3d869e86bce60b8aab78e568fb74f607da2ac188ce11dcf55eb018b7ba  test/virology.csv
        c90510266dde54e3878b6fa7b00d8c85285f75daed398e0c19353eb66e9e23f0  test/world_history.csv
        799eabc90e3baf58fe266644e548c637986feacc7fed733d707c4e110c037cad  test/world_religions.csv
        """;

    /// <summary><c>aryopg/mmlu-redux</c> @ 4563cfa7, <c>mmlu_redux/</c>: 57 subjects.</summary>
    public const string MmluRedux = """
        83b98626d7615b9594d86117ae6cb02cbbea8e3e5e285eb2ced1fb8caa245b99  mmlu_abstract_algebra.csv
        e73da98de4080a67d7bf832d12b5cf5b1156aa7aaec3d44b1a20b730bc5782a8  mmlu_anatomy.csv
        739ed768fb9c151d341178a122f0d2553df3c6af2a4209a15f0f97f54595eb8b  mmlu_astronomy.csv
        2c732b4bf5430225bfe4329d3aaa445917c3dc961942d5bd5336555c5fce86a9  mmlu_business_ethics.csv
        37ec6e0d612370a88f69a3a560f1d43877f084ea819dc8155a622ae75d7a82b0  mmlu_clinical_knowledge.csv
        0f1ef7b8f19743c1ac0d1d4bf8351ea73be681b4025a6b4c6c4aa078d4875c8f  mmlu_college_biology.csv
        5d7ee98e59a528e1c77960a226ca11c20ddbdd7039c86584f227e74597785664  mmlu_college_chemistry.csv
        f06bcec202a789d98d26689d9667fdcd5fa07c860376f3fb3da85c851f046c92  mmlu_college_computer_science.csv
        e3db7906b8aabef98c50eb25eae22a1aeb5c6711ad041e9c7509608992ee88c1  mmlu_college_mathematics.csv
        2a0f750982849d6f30c7edc9731df61f7f84cd2cf4d9c855e8e4e35b53688f76  mmlu_college_medicine.csv
        bd76f9eec35a3212a29056a42a3bf41cd84531cd34cc43de088f3a5349df5472  mmlu_college_physics.csv
        03ac8a43d2407e274116988767399909b89bc1f16f94f59df9840fa659d4ea22  mmlu_computer_security.csv
        29619a9d6f5d44066b3b33df64e8181a2a799f24691928959d215f0a983336e3  mmlu_conceptual_physics.csv
        c4812fe99ee0ee47772751b1bd1e48f4929f5b222a2c2e3cab125120f5be58c0  mmlu_econometrics.csv
        6afe4e2c28e650d51d9baecf68a364ee20a14b99d9ab616a749dcae707f7173e  mmlu_electrical_engineering.csv
        358c0aa97224d280988eac7fa2d4a4c8bd8db7ab61fa1fc0554768a1473d2ce7  mmlu_elementary_mathematics.csv
        0d5a15ed033a7006a7d790fef09e6e3c6c63d46c4a8d7b979d1afd63032a361a  mmlu_formal_logic.csv
        8ffa62d058bf4a81916c348df67d3745047eea2fac032a67dae727c3442255a2  mmlu_global_facts.csv
        98204af59693f3497f594ce9689e7adadf82a5c77ed79d07fe3f794554179e42  mmlu_high_school_biology.csv
        eed7393a71b61af9597df3887cce470ff8ec655676e1c15bcf9a732de40f3605  mmlu_high_school_chemistry.csv
        21c739d43b30b59c2d3cc3ec15048eee22bfac3a02bb3bae2b34ceb7fac1339b  mmlu_high_school_computer_science.csv
        e1b3fc89883c4a372fc592d5329db8951855cd0d59043792c00ff30418a7bac7  mmlu_high_school_european_history.csv
        360e7a8c0930fd4f0b4af186415398a9015964b058ec31df3c3b524a10c6cd48  mmlu_high_school_geography.csv
        fa69b567414fb06b61d6ab2e7472e793cb40747aff734824c675607a0141da78  mmlu_high_school_government_and_politics.csv
        5f2510ec01205542a999fbc51d572cc37bbb10754d2efa52d0c73638aebaf71b  mmlu_high_school_macroeconomics.csv
        bb1af2d2e0bd081453fce188892c49efae34697188c108c855b53b219c2e9c7f  mmlu_high_school_mathematics.csv
        9c920bbeac17308c30e65a6a35c62acd08ff6081d63191c4a32bfd105f702fdf  mmlu_high_school_microeconomics.csv
        f0d59f8e836e2c3b6aa739d66624d5d2f68fb91102f452c5292b57aea787b169  mmlu_high_school_physics.csv
        b83eda4e4d941667b84e529066902efaf7511b7ff9fbbdc13019a261c4d9f240  mmlu_high_school_psychology.csv
        45351ff30906879249de60e5735c9288a59a31850c95f5040ca47a5f1eca06a1  mmlu_high_school_statistics.csv
        1ebb166a783242ab3f6296e00744781b4a72076f2c071911645335c55c146df2  mmlu_high_school_us_history.csv
        5fe5e4d32d2bc6c4b04686f6da915360a00460ff2fe338797ab28547a85f1cdf  mmlu_high_school_world_history.csv
        a16d1fbba92f5e657c34c4d1b67d323221ebcd5dbe469a57e95eaf2efaa4fca1  mmlu_human_aging.csv
        91f9c340a8882a3c7c7276fb430e6ee290ca2131b04c4faa514566cc1797630e  mmlu_human_sexuality.csv
        bfd10468b8507f8b3393ea36731b1c80894582add5b53763dab8fde1a288446c  mmlu_international_law.csv
        f9bce2ef3fdc89ec46eb4a211153eb8e488239e311f0736f2e932a1eb24f45b6  mmlu_jurisprudence.csv
        d965565c9d3a955919bab2349d8efba10c22fbc27f63f1593223a220c3ac70ed  mmlu_logical_fallacies.csv
        7350cb93c40e3ba7ccaff868a918f41d9fa6fd392a64a13697c9647998613ece  mmlu_machine_learning.csv
        6b782b960b55334aa0088153f96f7c2dfb5a625bfc5ebcce076d5d310620d2f0  mmlu_management.csv
        4efc6eab77670e52914144a7cbba7b553e4c8b29f10e17c1257a18bb3c0e2c71  mmlu_marketing.csv
        c83f59380ad7cdeaee9e1c7fcb7a2be389e402b077ddb3415d628cc036a2bdfa  mmlu_medical_genetics.csv
        c3d24001333a2c9200e74eefbef06c3e816c72a452f691b335f538fc8cfcbfb7  mmlu_miscellaneous.csv
        8548bea470b9d670cb8258db9a9fd39da2c43c83519a4fa99c343f75bef45875  mmlu_moral_disputes.csv
        df15f12d366670fa0f1577d4d5afdbc43b0c0137dd2c87b2c8cf830d5379b7ba  mmlu_moral_scenarios.csv
        8f894f2d26f880ff5e074a362b97e1cbaa59b867c7c23bd49d66c571022d11e6  mmlu_nutrition.csv
        061d8b91cab7fbd5548927587485fe675ef39701a888aa9e29fc9a55e3e18cbb  mmlu_philosophy.csv
        51afec70b541fbb757a6b12da14120c4104d5d6ac4d5886577eb6dcd5186f474  mmlu_prehistory.csv
        123f075cae47b09feaa7160cd8069e2d525cedab882e6a8ae94360aa19119f33  mmlu_professional_accounting.csv
        c2a019177708496f4fcd74460e9c1f2bbe0feb25ee7709eddc51adbb22a8e95c  mmlu_professional_law.csv
        3c024ec4ebd67683b288068f40221b9caf222ef944f24e637652fd2e8776760a  mmlu_professional_medicine.csv
        2d9ac1ed86438653ea0f82ff8249d809674a23574e71324caf13eb5dc2e34cf7  mmlu_professional_psychology.csv
        7f4d9b17365085e946a517ad5abf75153d89dd7858ca3909803a329f5baee1d2  mmlu_public_relations.csv
        ed0309287be30dad969e44d06b5e1bf48ba82d5a891c44d2d73046dab1649015  mmlu_security_studies.csv
        2d8d77a4a4eacd988e08221ef827d40e54ac5ab81e9d20f3f96427a405738b99  mmlu_sociology.csv
        6e379c770dbf98d08a5026caeccbe57fbf8c1ed5a5aabb98b97ee5a1a2b39d0f  mmlu_us_foreign_policy.csv
        eca12346cf4ccabab2264878db690da5e471f5c773a146582c05356ba535d26b  mmlu_virology.csv
        f3b0152249088c512a60b07d31e23bfe3104b4d079a595d3a19ab4e5425d61f2  mmlu_world_religions.csv
        """;

    /// <summary>Parses <c>sha256sum</c> lines into files, in the order given.</summary>
    public static IReadOnlyList<SourceFile> Parse(string sums) =>
    [
        .. sums.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split("  ", 2))
            .Select(parts => new SourceFile(parts[1], parts[0])),
    ];
}
