//! Nickname table: given-name variants to their formal root.
//!
//! The table maps diminutives, nicknames and a few spelling variants to one
//! formal root per language, so `"Bill Doe"` and `"William Doe"` agree on
//! the given name. It is deliberately conservative:
//!
//! - A name that is common as a name of its own and is not clearly a short
//!   form of one other name is left alone: `lisa` (Elisabeth, but mostly its
//!   own name), `pat` (Patrick or Patricia), `toni` (Antonio or Anton),
//!   `gabi` (Gabriela or Gabriele), `nico`, `jo`, `max`, `leo`, `sally`.
//! - Forms of one name in different languages are not merged (`john`,
//!   `juan`, `joao`, `johannes`, `giovanni`, `jean` and `ion` stay apart):
//!   the same person rarely switches language, and merging would make more
//!   unrelated people agree than it would link.
//! - Where one short form belongs to different names in different languages
//!   the table keeps one reading: `gigi` is Romanian for Gheorghe here (the
//!   Italian Gigi for Luigi is lost), `manu` is French for Emmanuel (not the
//!   Spanish Manuel), `tony` is English for Anthony.
//! - Russian names are entered as the Cyrillic folding spells them
//!   (`Дмитрий` -> `dmitrii`, see `text::fold`), with their diminutives
//!   (`dima`, `natasha`) and the other usual Latin spellings (`dmitry`,
//!   `alexey`). Arabic names map their common Latin spellings to one
//!   (`mohamed`, `mohammed` -> `muhammad`; `youssef` -> `yusuf`). A
//!   diminutive of two names is left out (`sasha`, `zhenya`, `slava`), and
//!   so are spellings that are names of their own elsewhere (`natalia`,
//!   `tania`, `nadia`, `anastasia`).
//! - Typos (`jsohua`) are not here: fuzzy comparison of names handles them.
//! - Every root maps to itself: no root is a key, so roots never chain.

/// Nickname to root, sorted by nickname (byte order) for binary search.
/// All entries are folded (lower case, no accents), like `text::fold` output.
/// The comment names the language the entry was added for.
static TABLE: &[(&str, &str)] = &[
    ("abbie", "abigail"),        // en
    ("abby", "abigail"),         // en
    ("abdallah", "abdullah"),    // ar
    ("abdulla", "abdullah"),     // ar
    ("achim", "joachim"),        // de
    ("aicha", "aisha"),          // ar
    ("aishah", "aisha"),         // ar
    ("aleksej", "aleksei"),      // ru
    ("aleksey", "aleksei"),      // ru
    ("alesha", "aleksei"),       // ru
    ("alex", "alexander"),       // en
    ("alexei", "aleksei"),       // ru
    ("alexej", "aleksei"),       // ru
    ("alexey", "aleksei"),       // ru
    ("alyosha", "aleksei"),      // ru
    ("anatoliy", "anatolii"),    // ru
    ("anatoly", "anatolii"),     // ru
    ("andy", "andrew"),          // en
    ("angie", "angela"),         // en
    ("anuta", "ana"),            // ro
    ("art", "arthur"),           // en
    ("artyom", "artem"),         // ru
    ("ayesha", "aisha"),         // ar
    ("aysha", "aisha"),          // ar
    ("babette", "elizabeth"),    // en
    ("barb", "barbara"),         // en
    ("barbel", "barbara"),       // de
    ("barbie", "barbara"),       // en
    ("bart", "bartholomew"),     // en
    ("becca", "rebecca"),        // en
    ("becki", "rebecca"),        // en
    ("becky", "rebecca"),        // en
    ("ben", "benjamin"),         // en
    ("benji", "benjamin"),       // en
    ("benny", "benjamin"),       // en
    ("beppe", "giuseppe"),       // it
    ("bernd", "bernhard"),       // de
    ("bess", "elizabeth"),       // en
    ("bessie", "elizabeth"),     // en
    ("beth", "elizabeth"),       // en
    ("betinho", "roberto"),      // pt
    ("beto", "roberto"),         // pt
    ("betsy", "elizabeth"),      // en
    ("betta", "elisabetta"),     // it
    ("bette", "elizabeth"),      // en
    ("betty", "elizabeth"),      // en
    ("bev", "beverly"),          // en
    ("bia", "beatriz"),          // pt
    ("bice", "beatrice"),        // it
    ("biggi", "birgit"),         // de
    ("bill", "william"),         // en
    ("billie", "william"),       // en
    ("billy", "william"),        // en
    ("bob", "robert"),           // en
    ("bobby", "robert"),         // en
    ("carlinhos", "carlos"),     // pt
    ("cassie", "cassandra"),     // en
    ("catharine", "catherine"),  // en
    ("cathie", "catherine"),     // en
    ("cathy", "catherine"),      // en
    ("cati", "ecaterina"),       // ro
    ("cecco", "francesco"),      // it
    ("cenzo", "vincenzo"),       // it
    ("charlie", "charles"),      // en
    ("charo", "rosario"),        // es
    ("chas", "charles"),         // en
    ("checco", "francesco"),     // it
    ("chema", "jose"),           // es
    ("chico", "francisco"),      // pt
    ("chiquinho", "francisco"),  // pt
    ("chris", "christopher"),    // en
    ("christel", "christine"),   // de
    ("chucho", "jesus"),         // es
    ("chuck", "charles"),        // en
    ("chus", "jesus"),           // es
    ("chuy", "jesus"),           // es
    ("cindy", "cynthia"),        // en
    ("cliff", "clifford"),       // en
    ("concha", "concepcion"),    // es
    ("conchita", "concepcion"),  // es
    ("connie", "constance"),     // en
    ("conny", "cornelia"),       // de
    ("costel", "constantin"),    // ro
    ("costi", "constantin"),     // ro
    ("costica", "constantin"),   // ro
    ("cristi", "cristian"),      // ro
    ("curro", "francisco"),      // es
    ("dan", "daniel"),           // en
    ("danny", "daniel"),         // en
    ("dasha", "darya"),          // ru
    ("dave", "david"),           // en
    ("davey", "david"),          // en
    ("davy", "david"),           // en
    ("deb", "deborah"),          // en
    ("debbie", "deborah"),       // en
    ("debby", "deborah"),        // en
    ("debra", "deborah"),        // en
    ("dede", "andre"),           // fr
    ("dick", "richard"),         // en
    ("dickie", "richard"),       // en
    ("dima", "dmitrii"),         // ru
    ("dmitri", "dmitrii"),       // ru
    ("dmitrij", "dmitrii"),      // ru
    ("dmitriy", "dmitrii"),      // ru
    ("dmitry", "dmitrii"),       // ru
    ("don", "donald"),           // en
    ("donnie", "donald"),        // en
    ("dot", "dorothy"),          // en
    ("dottie", "dorothy"),       // en
    ("doug", "douglas"),         // en
    ("drew", "andrew"),          // en
    ("duda", "eduarda"),         // pt
    ("dudu", "eduardo"),         // pt
    ("ebrahim", "ibrahim"),      // ar
    ("ed", "edward"),            // en
    ("eddie", "edward"),         // en
    ("eddy", "edward"),          // en
    ("edu", "eduardo"),          // pt
    ("elisabeth", "elizabeth"),  // en
    ("eliza", "elizabeth"),      // en
    ("encarna", "encarnacion"),  // es
    ("enzo", "vincenzo"),        // it
    ("evgenij", "evgenii"),      // ru
    ("evgeniy", "evgenii"),      // ru
    ("evgeny", "evgenii"),       // ru
    ("fane", "stefan"),          // ro
    ("fanel", "stefan"),         // ro
    ("fanfan", "francoise"),     // fr
    ("fede", "federico"),        // es
    ("fedia", "fedor"),          // ru
    ("fedya", "fedor"),          // ru
    ("franca", "francesca"),     // it
    ("franco", "francesco"),     // it
    ("franzi", "franziska"),     // de
    ("fred", "frederick"),       // en
    ("freddie", "frederick"),    // en
    ("freddy", "frederick"),     // en
    ("fritz", "friedrich"),      // de
    ("fyodor", "fedor"),         // ru
    ("gabe", "gabriel"),         // en
    ("galya", "galina"),         // ru
    ("gege", "gerard"),          // fr
    ("gene", "eugene"),          // en
    ("geoff", "geoffrey"),       // en
    ("ghita", "gheorghe"),       // ro
    ("gianni", "giovanni"),      // it
    ("gica", "gheorghe"),        // ro
    ("gigi", "gheorghe"),        // ro
    ("giusy", "giuseppina"),     // it
    ("greg", "gregory"),         // en
    ("gregg", "gregory"),        // en
    ("gretchen", "margarete"),   // de
    ("grete", "margarete"),      // de
    ("gretel", "margarete"),     // de
    ("grigoriy", "grigorii"),    // ru
    ("grigory", "grigorii"),     // ru
    ("grisha", "grigorii"),      // ru
    ("gui", "guilherme"),        // pt
    ("guille", "guillermo"),     // es
    ("gustl", "gustav"),         // de
    ("guto", "augusto"),         // pt
    ("hal", "henry"),            // en
    ("hank", "henry"),           // en
    ("hannes", "johannes"),      // de
    ("hans", "johannes"),        // de
    ("hansi", "johannes"),       // de
    ("harry", "henry"),          // en
    ("heini", "heinrich"),       // de
    ("heinz", "heinrich"),       // de
    ("hosein", "hussein"),       // ar
    ("hossein", "hussein"),      // ar
    ("husain", "hussein"),       // ar
    ("husayn", "hussein"),       // ar
    ("husein", "hussein"),       // ar
    ("hussain", "hussein"),      // ar
    ("ibraheem", "ibrahim"),     // ar
    ("ilia", "ilya"),            // ru
    ("ilja", "ilya"),            // ru
    ("inma", "inmaculada"),      // es
    ("ionel", "ion"),            // ro
    ("ionela", "ioana"),         // ro
    ("ionut", "ion"),            // ro
    ("iuliia", "yuliya"),        // ru
    ("iura", "yurii"),           // ru
    ("iurii", "yurii"),          // ru
    ("jack", "john"),            // en
    ("jackie", "jacqueline"),    // en
    ("jacquot", "jacques"),      // fr
    ("jake", "jacob"),           // en
    ("javi", "javier"),          // es
    ("jeannot", "jean"),         // fr
    ("jeff", "jeffrey"),         // en
    ("jen", "jennifer"),         // en
    ("jenn", "jennifer"),        // en
    ("jennie", "jennifer"),      // en
    ("jenny", "jennifer"),       // en
    ("jess", "jessica"),         // en
    ("jessie", "jessica"),       // en
    ("jim", "james"),            // en
    ("jimmie", "james"),         // en
    ("jimmy", "james"),          // en
    ("joaozinho", "joao"),       // pt
    ("jochen", "joachim"),       // de
    ("joe", "joseph"),           // en
    ("joey", "joseph"),          // en
    ("johann", "johannes"),      // de
    ("johnny", "john"),          // en
    ("josh", "joshua"),          // en
    ("josie", "josephine"),      // en
    ("juanjo", "juan"),          // es
    ("judy", "judith"),          // en
    ("jupp", "josef"),           // de
    ("jurij", "yurii"),          // ru
    ("kalle", "karl"),           // de
    ("kareem", "karim"),         // ar
    ("kat", "catherine"),        // en
    ("kate", "catherine"),       // en
    ("katharine", "catherine"),  // en
    ("kathe", "katharina"),      // de
    ("katherine", "catherine"),  // en
    ("kathi", "katharina"),      // de
    ("kathie", "catherine"),     // en
    ("kathryn", "catherine"),    // en
    ("kathy", "catherine"),      // en
    ("katie", "catherine"),      // en
    ("katy", "catherine"),       // en
    ("katya", "ekaterina"),      // ru
    ("ken", "kenneth"),          // en
    ("kenny", "kenneth"),        // en
    ("kike", "enrique"),         // es
    ("kim", "kimberly"),         // en
    ("kitty", "catherine"),      // en
    ("kolia", "nikolai"),        // ru
    ("kolya", "nikolai"),        // ru
    ("kostia", "konstantin"),    // ru
    ("kostya", "konstantin"),    // ru
    ("ksenia", "kseniya"),       // ru
    ("ksyusha", "kseniya"),      // ru
    ("lalo", "eduardo"),         // pt
    ("larry", "lawrence"),       // en
    ("laurence", "lawrence"),    // en
    ("lello", "raffaele"),       // it
    ("len", "leonard"),          // en
    ("lenny", "leonard"),        // en
    ("lenuta", "elena"),         // ro
    ("liam", "william"),         // en
    ("libby", "elizabeth"),      // en
    ("liesel", "elizabeth"),     // en
    ("liesl", "elizabeth"),      // en
    ("liosha", "aleksei"),       // ru
    ("lipe", "felipe"),          // pt
    ("liudmila", "lyudmila"),    // ru
    ("liz", "elizabeth"),        // en
    ("lizzie", "elizabeth"),     // en
    ("lizzy", "elizabeth"),      // en
    ("ljudmila", "lyudmila"),    // ru
    ("lola", "dolores"),         // es
    ("loli", "dolores"),         // es
    ("lou", "louis"),            // en
    ("luba", "lyubov"),          // ru
    ("lucho", "luis"),           // pt
    ("ludmila", "lyudmila"),     // ru
    ("luiz", "luis"),            // pt
    ("lupe", "guadalupe"),       // es
    ("lutz", "ludwig"),          // de
    ("lyosha", "aleksei"),       // ru
    ("lyuba", "lyubov"),         // ru
    ("lyuda", "lyudmila"),       // ru
    ("madge", "margaret"),       // en
    ("maggie", "margaret"),      // en
    ("mahmood", "mahmud"),       // ar
    ("mahmoud", "mahmud"),       // ar
    ("mandy", "amanda"),         // en
    ("manoli", "manuela"),       // es
    ("manolo", "manuel"),        // es
    ("manu", "emmanuel"),        // fr
    ("marge", "margaret"),       // en
    ("margie", "margaret"),      // en
    ("margot", "marguerite"),    // fr
    ("mariuca", "maria"),        // ro
    ("marty", "martin"),         // en
    ("masha", "mariya"),         // ru
    ("matheus", "mateus"),       // pt
    ("matt", "matthew"),         // en
    ("matty", "matthew"),        // en
    ("maxim", "maksim"),         // ru
    ("meg", "margaret"),         // en
    ("memo", "guillermo"),       // es
    ("merche", "mercedes"),      // es
    ("mick", "michael"),         // en
    ("mickey", "michael"),       // en
    ("micky", "michael"),        // en
    ("mike", "michael"),         // en
    ("mikey", "michael"),        // en
    ("mimmo", "domenico"),       // it
    ("misha", "mikhail"),        // ru
    ("misu", "mihai"),           // ro
    ("mitch", "mitchell"),       // en
    ("mitica", "dumitru"),       // ro
    ("mohamad", "muhammad"),     // ar
    ("mohamed", "muhammad"),     // ar
    ("mohammad", "muhammad"),    // ar
    ("mohammed", "muhammad"),    // ar
    ("mohamud", "muhammad"),     // ar
    ("mohd", "muhammad"),        // ar
    ("moncho", "ramon"),         // es
    ("mostafa", "mustafa"),      // ar
    ("moustafa", "mustafa"),     // ar
    ("moustapha", "mustafa"),    // ar
    ("muhamad", "muhammad"),     // ar
    ("muhammed", "muhammad"),    // ar
    ("mustapha", "mustafa"),     // ar
    ("nacho", "ignacio"),        // es
    ("nadya", "nadezhda"),       // ru
    ("nae", "nicolae"),          // ro
    ("nanda", "fernanda"),       // pt
    ("nando", "fernando"),       // pt
    ("nanni", "giovanni"),       // it
    ("nastia", "anastasiya"),    // ru
    ("nastya", "anastasiya"),    // ru
    ("nataliya", "natalya"),     // ru
    ("natalja", "natalya"),      // ru
    ("natasha", "natalya"),      // ru
    ("nati", "natalia"),         // es
    ("ned", "edward"),           // en
    ("nelu", "ion"),             // ro
    ("nick", "nicholas"),        // en
    ("nicky", "nicholas"),       // en
    ("nicu", "nicolae"),         // ro
    ("nikolay", "nikolai"),      // ru
    ("noor", "nur"),             // ar
    ("nour", "nur"),             // ar
    ("olia", "olga"),            // ru
    ("olya", "olga"),            // ru
    ("othman", "uthman"),        // ar
    ("ovi", "ovidiu"),           // ro
    ("paca", "francisca"),       // es
    ("paco", "francisco"),       // es
    ("paddy", "patrick"),        // en
    ("pam", "pamela"),           // en
    ("pancho", "francisco"),     // es
    ("paquita", "francisca"),    // es
    ("paquito", "francisco"),    // es
    ("pasha", "pavel"),          // ru
    ("patti", "patricia"),       // en
    ("patty", "patricia"),       // en
    ("paulinho", "paulo"),       // pt
    ("pedrinho", "pedro"),       // pt
    ("peggy", "margaret"),       // en
    ("penny", "penelope"),       // en
    ("pepa", "josefa"),          // es
    ("pepe", "jose"),            // es
    ("pepito", "jose"),          // es
    ("peppe", "giuseppe"),       // it
    ("peppino", "giuseppe"),     // it
    ("pete", "peter"),           // en
    ("petia", "petr"),           // ru
    ("petrica", "petru"),        // ro
    ("petya", "petr"),           // ru
    ("phil", "philip"),          // en
    ("phillip", "philip"),       // en
    ("pierrot", "pierre"),       // fr
    ("pili", "pilar"),           // es
    ("pina", "giuseppina"),      // it
    ("pino", "giuseppe"),        // it
    ("pippo", "filippo"),        // it
    ("poldi", "leopold"),        // de
    ("puri", "purificacion"),    // es
    ("pyotr", "petr"),           // ru
    ("quim", "joaquim"),         // pt
    ("quique", "enrique"),       // es
    ("rafa", "rafael"),          // pt
    ("ray", "raymond"),          // en
    ("rebekah", "rebecca"),      // en
    ("resi", "theresia"),        // de
    ("rich", "richard"),         // en
    ("richie", "richard"),       // en
    ("rick", "richard"),         // en
    ("ricky", "richard"),        // en
    ("riri", "henri"),           // fr
    ("rob", "robert"),           // en
    ("robbie", "robert"),        // en
    ("robby", "robert"),         // en
    ("ron", "ronald"),           // en
    ("ronnie", "ronald"),        // en
    ("rudi", "rudolf"),          // de
    ("russ", "russell"),         // en
    ("sam", "samuel"),           // en
    ("sammy", "samuel"),         // en
    ("sandro", "alessandro"),    // it
    ("sandu", "alexandru"),      // ro
    ("sandy", "sandra"),         // en
    ("santi", "santiago"),       // es
    ("seb", "sebastien"),        // fr
    ("sepp", "josef"),           // de
    ("seppl", "josef"),          // de
    ("serezha", "sergei"),       // ru
    ("sergej", "sergei"),        // ru
    ("sergey", "sergei"),        // ru
    ("seriozha", "sergei"),      // ru
    ("seryozha", "sergei"),      // ru
    ("sile", "vasile"),          // ro
    ("sole", "soledad"),         // es
    ("sophia", "sofia"),         // pt
    ("stan", "stanley"),         // en
    ("steffi", "stephanie"),     // en
    ("steph", "stephanie"),      // en
    ("steve", "stephen"),        // en
    ("steven", "stephen"),       // en
    ("stevie", "stephen"),       // en
    ("sue", "susan"),            // en
    ("susie", "susan"),          // en
    ("susy", "susan"),           // en
    ("suzie", "susan"),          // en
    ("suzy", "susan"),           // en
    ("sveta", "svetlana"),       // ru
    ("tanya", "tatyana"),        // ru
    ("tati", "tatiana"),         // pt
    ("ted", "edward"),           // en
    ("tere", "teresa"),          // pt
    ("tereza", "teresa"),        // pt
    ("theo", "theodore"),        // en
    ("theresa", "teresa"),       // pt
    ("thiago", "tiago"),         // pt
    ("tiao", "sebastiao"),       // pt
    ("tim", "timothy"),          // en
    ("timmy", "timothy"),        // en
    ("toinette", "antoinette"),  // fr
    ("tolia", "anatolii"),       // ru
    ("tolya", "anatolii"),       // ru
    ("tom", "thomas"),           // en
    ("tommy", "thomas"),         // en
    ("tonho", "antonio"),        // pt
    ("tonico", "antonio"),       // pt
    ("toninho", "antonio"),      // pt
    ("tonio", "antonio"),        // pt
    ("tono", "antonio"),         // es
    ("tony", "anthony"),         // en
    ("topher", "christopher"),   // en
    ("toto", "salvatore"),       // it
    ("tricia", "patricia"),      // en
    ("trish", "patricia"),       // en
    ("trudy", "gertrude"),       // en
    ("tudorel", "tudor"),        // ro
    ("turi", "salvatore"),       // it
    ("tyoma", "artem"),          // ru
    ("uli", "ulrich"),           // de
    ("ulli", "ulrich"),          // de
    ("umar", "omar"),            // ar
    ("uschi", "ursula"),         // de
    ("usman", "uthman"),         // ar
    ("valeriy", "valerii"),      // ru
    ("valery", "valerii"),       // ru
    ("vali", "valentin"),        // ro
    ("vania", "ivan"),           // ru
    ("vanya", "ivan"),           // ru
    ("vasia", "vasilii"),        // ru
    ("vasilica", "vasile"),      // ro
    ("vasiliy", "vasilii"),      // ru
    ("vasily", "vasilii"),       // ru
    ("vasya", "vasilii"),        // ru
    ("vicki", "victoria"),       // en
    ("vicky", "victoria"),       // en
    ("vika", "viktoriya"),       // ru
    ("vince", "vincent"),        // en
    ("vini", "vinicius"),        // pt
    ("volodia", "vladimir"),     // ru
    ("volodya", "vladimir"),     // ru
    ("vova", "vladimir"),        // ru
    ("vroni", "veronika"),       // de
    ("wally", "walter"),         // en
    ("walt", "walter"),          // en
    ("wes", "wesley"),           // en
    ("will", "william"),         // en
    ("willi", "wilhelm"),        // de
    ("willie", "william"),       // en
    ("willy", "william"),        // en
    ("wm", "william"),           // en
    ("yekaterina", "ekaterina"), // ru
    ("yevgeniy", "evgenii"),     // ru
    ("yevgeny", "evgenii"),      // ru
    ("yousef", "yusuf"),         // ar
    ("yousif", "yusuf"),         // ar
    ("youssef", "yusuf"),        // ar
    ("youssouf", "yusuf"),       // ar
    ("yousuf", "yusuf"),         // ar
    ("yulia", "yuliya"),         // ru
    ("yulya", "yuliya"),         // ru
    ("yura", "yurii"),           // ru
    ("yuri", "yurii"),           // ru
    ("yuriy", "yurii"),          // ru
    ("yury", "yurii"),           // ru
    ("yusef", "yusuf"),          // ar
    ("zac", "zachary"),          // en
    ("zach", "zachary"),         // en
    ("zack", "zachary"),         // en
    ("ze", "jose"),              // pt
    ("zeca", "jose"),            // pt
    ("zezinho", "jose"),         // pt
];

/// The formal root of a folded given name (`"bill"` -> `"william"`), or the name itself.
///
/// `folded_given` must already be folded (lower case, accents removed):
/// the lookup is an exact byte comparison, with no allocation.
pub(crate) fn root(folded_given: &str) -> &str {
    match TABLE.binary_search_by(|(nick, _)| (*nick).cmp(folded_given)) {
        Ok(i) => TABLE.get(i).map_or(folded_given, |(_, root)| root),
        Err(_) => folded_given,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row: folded nickname -> expected root.
    fn check(rows: &[(&str, &str)]) {
        for (nick, expected) in rows {
            assert_eq!(root(nick), *expected, "root({nick:?})");
        }
    }

    #[test]
    fn nickname_table_is_sorted_and_unique() {
        for pair in TABLE.windows(2) {
            if let [(a, _), (b, _)] = pair {
                assert!(a < b, "table out of order or duplicated at {a:?} / {b:?}");
            }
        }
    }

    #[test]
    fn nickname_table_has_at_least_200_entries() {
        assert!(TABLE.len() >= 200, "only {} entries", TABLE.len());
    }

    #[test]
    fn nickname_roots_map_to_themselves() {
        for (nick, root_name) in TABLE {
            assert_eq!(
                root(root_name),
                *root_name,
                "root of {nick:?} is itself a nickname"
            );
            assert_ne!(nick, root_name, "{nick:?} maps to itself: a useless entry");
        }
    }

    #[test]
    fn nickname_entries_are_folded_single_tokens() {
        for (nick, root_name) in TABLE {
            for s in [nick, root_name] {
                assert!(
                    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase()),
                    "{s:?} is not a folded single token"
                );
            }
        }
    }

    #[test]
    fn nickname_english() {
        check(&[
            ("bill", "william"),
            ("will", "william"),
            ("liam", "william"),
            ("bobby", "robert"),
            ("rob", "robert"),
            ("dick", "richard"),
            ("rick", "richard"),
            ("jimmy", "james"),
            ("mike", "michael"),
            ("kathryn", "catherine"),
            ("katie", "catherine"),
            ("cathy", "catherine"),
            ("beth", "elizabeth"),
            ("eliza", "elizabeth"),
            ("tom", "thomas"),
            ("tony", "anthony"),
            ("chris", "christopher"),
            ("jenny", "jennifer"),
            ("steve", "stephen"),
            ("steven", "stephen"),
            ("becky", "rebecca"),
            ("rebekah", "rebecca"),
            ("peggy", "margaret"),
            ("josh", "joshua"),
            ("sue", "susan"),
            ("joe", "joseph"),
        ]);
    }

    #[test]
    fn nickname_portuguese() {
        check(&[
            ("ze", "jose"),
            ("chico", "francisco"),
            ("tonho", "antonio"),
            ("guto", "augusto"),
            ("nando", "fernando"),
            ("bia", "beatriz"),
            ("luiz", "luis"),
        ]);
    }

    #[test]
    fn nickname_spanish() {
        check(&[
            ("pepe", "jose"),
            ("chema", "jose"),
            ("paco", "francisco"),
            ("pancho", "francisco"),
            ("nacho", "ignacio"),
            ("lola", "dolores"),
            ("loli", "dolores"),
            ("concha", "concepcion"),
            ("lupe", "guadalupe"),
            ("manolo", "manuel"),
            ("quique", "enrique"),
        ]);
    }

    #[test]
    fn nickname_italian() {
        check(&[
            ("beppe", "giuseppe"),
            ("peppe", "giuseppe"),
            ("pino", "giuseppe"),
            ("gianni", "giovanni"),
            ("tonio", "antonio"),
            ("franco", "francesco"),
        ]);
    }

    #[test]
    fn nickname_german() {
        check(&[
            ("hans", "johannes"),
            ("sepp", "josef"),
            ("jupp", "josef"),
            ("fritz", "friedrich"),
            ("uschi", "ursula"),
            ("lutz", "ludwig"),
        ]);
    }

    #[test]
    fn nickname_french() {
        check(&[
            ("jeannot", "jean"),
            ("manu", "emmanuel"),
            ("fanfan", "francoise"),
        ]);
    }

    #[test]
    fn nickname_romanian() {
        check(&[
            ("nicu", "nicolae"),
            ("ionut", "ion"),
            ("ionel", "ion"),
            ("gigi", "gheorghe"),
            ("costel", "constantin"),
        ]);
    }

    #[test]
    fn nickname_russian() {
        check(&[
            ("dima", "dmitrii"),
            ("dmitry", "dmitrii"),
            ("natasha", "natalya"),
            ("alexey", "aleksei"),
            ("seryozha", "sergei"),
            ("vova", "vladimir"),
        ]);
        // As the Cyrillic is folded: `Дмитрий`, `Наталья`.
        for cyrillic in ["Дмитрий", "Наталья", "Алексей"] {
            let folded = crate::normalize::text::fold(cyrillic);
            assert_eq!(root(&folded), folded, "{cyrillic} folds to a root");
        }
        check(&[("sasha", "sasha"), ("natalia", "natalia")]);
    }

    #[test]
    fn nickname_arabic() {
        check(&[
            ("mohamed", "muhammad"),
            ("mohammed", "muhammad"),
            ("youssef", "yusuf"),
            ("mostafa", "mustafa"),
            ("hussain", "hussein"),
            ("ayesha", "aisha"),
        ]);
    }

    #[test]
    fn nickname_own_names_and_unknown_unchanged() {
        let rows = [
            "william", "lisa", "pat", "mihai", "john", "juan", "joao", "toni", "", "d", "zzzz",
            "BILL", "bill ",
        ];
        for name in rows {
            assert_eq!(root(name), name, "root({name:?})");
        }
    }
}
